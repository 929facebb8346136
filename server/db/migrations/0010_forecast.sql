CREATE TABLE "activity_plans" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"plan" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_plans_org_id_user_id_year_pk" PRIMARY KEY("org_id","user_id","year")
);
--> statement-breakpoint
CREATE TABLE "pipeline_snapshots" (
	"org_id" uuid NOT NULL,
	"snapshot_date" date NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"owner_id" uuid,
	"account_owner_id" uuid,
	"stage_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"probability" smallint NOT NULL,
	"expected_close_date" date,
	"forecast_category" text NOT NULL,
	CONSTRAINT "pipeline_snapshots_org_id_snapshot_date_opportunity_id_pk" PRIMARY KEY("org_id","snapshot_date","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"target" numeric(18, 2) NOT NULL,
	"stretch" numeric(18, 2),
	"challenge" numeric(18, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "quotas_subject_ck" CHECK (("quotas"."user_id" is null) <> ("quotas"."team_id" is null)),
	CONSTRAINT "quotas_levels_ck" CHECK ("quotas"."target" > 0 and ("quotas"."stretch" is null or "quotas"."stretch" >= "quotas"."target") and ("quotas"."challenge" is null or "quotas"."challenge" >= coalesce("quotas"."stretch", "quotas"."target")))
);
--> statement-breakpoint
DROP INDEX "opportunities_close_idx";--> statement-breakpoint
ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pipeline_snapshots_close_idx" ON "pipeline_snapshots" USING btree ("org_id","snapshot_date","expected_close_date");--> statement-breakpoint
CREATE UNIQUE INDEX "quotas_subject_period_uq" ON "quotas" USING btree ("org_id",coalesce("user_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("team_id", '00000000-0000-0000-0000-000000000000'::uuid),"period");--> statement-breakpoint
CREATE INDEX "quotas_period_idx" ON "quotas" USING btree ("org_id","period_start");--> statement-breakpoint
CREATE INDEX "opportunities_closed_at_idx" ON "opportunities" USING btree ("org_id","status","closed_at","owner_id","account_owner_id","stage_id","forecast_category","amount","probability");--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" USING btree ("org_id","status","expected_close_date","owner_id","account_owner_id","stage_id","forecast_category","amount","probability");