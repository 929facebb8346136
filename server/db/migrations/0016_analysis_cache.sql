CREATE TABLE "analysis_cache" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" text NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "analysis_cache_org_id_key_pk" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"accounts" bigint DEFAULT 0 NOT NULL,
	"deals" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_cache" ADD CONSTRAINT "analysis_cache_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written below: drizzle-kit does not emit functions or triggers.
-- data_versions counts, per organisation, the statements that changed what the cached analyses
-- read (Pareto, the scoring matrix): an entry of analysis_cache is valid while the versions it was
-- computed at are current. Statement triggers over the transition tables bump once per org a
-- statement touches: a row trigger would bump 100k times when a new scoring model re-scores an
-- organisation. Orgs are bumped in key order, so concurrent writers lock them in the same order.
-- Citus will need this reviewed like 0007's, 0011's and 0012's triggers (it touches rows of the
-- same org only).
CREATE FUNCTION okam_bump_accounts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition table its event has; an update keeps org_id, so its new rows name every org.
  IF TG_OP = 'DELETE' THEN
    INSERT INTO data_versions AS v (org_id, accounts)
    SELECT DISTINCT org_id, 1 FROM removed ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET accounts = v.accounts + 1;
  ELSE
    INSERT INTO data_versions AS v (org_id, accounts)
    SELECT DISTINCT org_id, 1 FROM added ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET accounts = v.accounts + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only won deals count: the cached analyses read won amounts, never open deals. The org's
-- data_versions row is a per-org hot spot (every writer of the org locks it until commit), so the
-- frequent open-deal edits (stage moves, judgement, the hourly re-judging) must not queue on it;
-- a deal that is or was won (signed, reopened, edited after signing, deleted) is rare.
CREATE FUNCTION okam_bump_deals_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT DISTINCT org_id, 1 FROM added WHERE status = 'won' ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT DISTINCT org_id, 1 FROM removed WHERE status = 'won' ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  ELSE
    INSERT INTO data_versions AS v (org_id, deals)
    SELECT org_id, 1 FROM (SELECT org_id FROM added WHERE status = 'won' UNION SELECT org_id FROM removed WHERE status = 'won') w ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET deals = v.deals + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_version_insert AFTER INSERT ON accounts
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();
--> statement-breakpoint
CREATE TRIGGER accounts_version_update AFTER UPDATE ON accounts
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();
--> statement-breakpoint
CREATE TRIGGER accounts_version_delete AFTER DELETE ON accounts
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_accounts_version();
--> statement-breakpoint
CREATE TRIGGER opportunities_version_insert AFTER INSERT ON opportunities
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();
--> statement-breakpoint
CREATE TRIGGER opportunities_version_update AFTER UPDATE ON opportunities
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();
--> statement-breakpoint
CREATE TRIGGER opportunities_version_delete AFTER DELETE ON opportunities
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION okam_bump_deals_version();
