ALTER TABLE "activities" ADD COLUMN "subject_key" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "subject_params" jsonb;--> statement-breakpoint
-- After-sales calls scheduled before this migration carry only the text, in the organisation's
-- language at the time: read back their deal and day count so they render in the reader's language.
UPDATE "activities" AS a
SET "subject_key" = 'after_sales_subject',
  "subject_params" = jsonb_build_object('deal', m.r[1], 'days', m.r[2]::int)
FROM (
  SELECT "org_id", "id", coalesce(
      regexp_match("subject", '^售后回访 · (.*) \(\+([0-9]+) 天\)$'),
      regexp_match("subject", '^After-sales follow-up · (.*) \(\+([0-9]+) days\)$')
    ) AS r
  FROM "activities"
  WHERE "auto_scheduled" AND "type" = 'after_sales'
) AS m
WHERE a."org_id" = m."org_id" AND a."id" = m."id" AND m.r IS NOT NULL;
