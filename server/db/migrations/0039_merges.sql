CREATE TABLE "merges" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" text NOT NULL,
	"target_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"moved" jsonb NOT NULL,
	"target_before" jsonb NOT NULL,
	"source_archived_at" timestamp (3) with time zone,
	"undone_at" timestamp (3) with time zone,
	"undone_by" uuid,
	CONSTRAINT "merges_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_org_id_merged_by_users_org_id_id_fk" FOREIGN KEY ("org_id","merged_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merges_target_idx" ON "merges" USING btree ("org_id","target_id");--> statement-breakpoint
CREATE INDEX "merges_source_idx" ON "merges" USING btree ("org_id","source_id");