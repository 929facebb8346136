-- Composite foreign keys include org_id, and a plain ON DELETE SET NULL would null org_id too
-- (NOT NULL: the delete fails). PostgreSQL 15+ can null just the referencing column; drizzle-kit
-- cannot express the column list, so this migration is written by hand.
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_org_id_reports_to_id_contacts_org_id_id_fk";--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_reports_to_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","reports_to_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE SET NULL ("reports_to_id");--> statement-breakpoint
ALTER TABLE "influences" DROP CONSTRAINT "influences_org_id_preferred_competitor_id_competitors_org_id_id_fk";--> statement-breakpoint
ALTER TABLE "influences" ADD CONSTRAINT "influences_org_id_preferred_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","preferred_competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE SET NULL ("preferred_competitor_id");
