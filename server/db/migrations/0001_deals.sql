CREATE TABLE "competitors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"strengths" text,
	"weaknesses" text,
	"price_position" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "deal_notes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_notes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "influences" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"influence" text DEFAULT 'medium' NOT NULL,
	"mode" text,
	"rating" smallint,
	"coverage" text DEFAULT 'none' NOT NULL,
	"counterpart_id" uuid,
	"result" text,
	"personal_win" text,
	"evidence" text,
	"prefers_us" boolean,
	"preferred_competitor_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "influences_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "influences_rating_ck" CHECK ("influences"."rating" between -5 and 5)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"expected_close_date" date,
	"owner_id" uuid,
	"stage_id" uuid NOT NULL,
	"probability" smallint NOT NULL,
	"probability_reason" text,
	"forecast_category" text NOT NULL,
	"source" text,
	"status" text DEFAULT 'open' NOT NULL,
	"lost_reason" text,
	"won_by_competitor_id" uuid,
	"objective_what" text,
	"objective_amount" numeric(18, 2),
	"objective_by" date,
	"our_position" text,
	"next_step" text,
	"next_step_date" date,
	"our_outcome" text,
	"customer_outcome" text,
	"win_win_ours" boolean,
	"win_win_customer" boolean,
	"criteria_done" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage_entered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"health" smallint DEFAULT 0 NOT NULL,
	"red_flag_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "opportunities_amount_ck" CHECK ("opportunities"."amount" >= 0),
	CONSTRAINT "opportunities_probability_ck" CHECK ("opportunities"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "opportunity_competitors" (
	"org_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"position" text DEFAULT 'even' NOT NULL,
	"our_advantages" text,
	"notes" text,
	CONSTRAINT "opportunity_competitors_org_id_opportunity_id_competitor_id_pk" PRIMARY KEY("org_id","opportunity_id","competitor_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" numeric(14, 2) NOT NULL,
	"price" numeric(18, 2) NOT NULL,
	"discount" numeric(5, 2) DEFAULT '0' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "opportunity_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"list_price" numeric(18, 2) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"unmet_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "stage_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"position" integer NOT NULL,
	"probability" smallint NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"forecast_category" text DEFAULT 'pipeline' NOT NULL,
	"exit_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stages_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "stages_probability_ck" CHECK ("stages"."probability" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "swot_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"quadrant" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "swot_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_notes" ADD CONSTRAINT "deal_notes_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influences" ADD CONSTRAINT "influences_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influences" ADD CONSTRAINT "influences_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influences" ADD CONSTRAINT "influences_org_id_counterpart_id_users_org_id_id_fk" FOREIGN KEY ("org_id","counterpart_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influences" ADD CONSTRAINT "influences_org_id_preferred_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","preferred_competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_stage_id_stages_org_id_id_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_won_by_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","won_by_competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competitors" ADD CONSTRAINT "opportunity_competitors_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competitors" ADD CONSTRAINT "opportunity_competitors_org_id_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_items" ADD CONSTRAINT "opportunity_items_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_items" ADD CONSTRAINT "opportunity_items_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competitors_name_idx" ON "competitors" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "deal_notes_opp_idx" ON "deal_notes" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "influences_opp_idx" ON "influences" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "influences_contact_idx" ON "influences" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_updated_idx" ON "opportunities" USING btree ("org_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("org_id","owner_id","status","stage_id");--> statement-breakpoint
CREATE INDEX "opportunities_status_stage_idx" ON "opportunities" USING btree ("org_id","status","stage_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" USING btree ("org_id","status","expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_grams_idx" ON "opportunities" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "opportunity_items_opp_idx" ON "opportunity_items" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("org_id","category","name");--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("org_id","user_id","list");--> statement-breakpoint
CREATE INDEX "stage_history_opp_idx" ON "stage_history" USING btree ("org_id","opportunity_id","at");--> statement-breakpoint
CREATE INDEX "stages_position_idx" ON "stages" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "swot_entity_idx" ON "swot_items" USING btree ("org_id","entity_type","entity_id");