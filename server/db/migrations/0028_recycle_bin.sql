CREATE TABLE "recycle_bin" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"account_id" uuid,
	"account_name" text,
	"amount" numeric(18, 2),
	"owner_ids" uuid[] NOT NULL,
	"deleted_by" uuid NOT NULL,
	"deleted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"rows" jsonb NOT NULL,
	"links" jsonb NOT NULL,
	CONSTRAINT "recycle_bin_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "recycle_bin" ADD CONSTRAINT "recycle_bin_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recycle_bin" ADD CONSTRAINT "recycle_bin_org_id_deleted_by_users_org_id_id_fk" FOREIGN KEY ("org_id","deleted_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recycle_bin_deleted_idx" ON "recycle_bin" USING btree ("org_id","deleted_at","id");