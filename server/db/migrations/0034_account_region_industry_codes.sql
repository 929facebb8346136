ALTER TABLE "accounts" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "region_code" text;--> statement-breakpoint
CREATE INDEX "accounts_region_idx" ON "accounts" USING btree ("org_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accounts_industry_idx" ON "accounts" USING btree ("org_id","industry_code");--> statement-breakpoint
-- Lost reasons and deal sources become lists (core/deal-lists.ts, defaults below): free text that
-- names a default item (ignoring spacing and punctuation) becomes that item, any other text is kept,
-- visibly, as "其他：<text>". Runs once, as every migration does.
UPDATE "opportunities" SET "lost_reason" = CASE
    WHEN regexp_replace("lost_reason", '[[:space:]　。.，,、;；!！]', '', 'g') IN ('价格', '竞争对手关系', '产品功能不满足', '预算取消', '决策延迟')
      THEN regexp_replace("lost_reason", '[[:space:]　。.，,、;；!！]', '', 'g')
    ELSE '其他：' || btrim("lost_reason", E' \t\n\r　')
  END
  WHERE btrim("lost_reason", E' \t\n\r　') NOT IN ('', '其他') AND "lost_reason" NOT LIKE '其他：%';--> statement-breakpoint
UPDATE "opportunities" SET "source" = CASE
    WHEN regexp_replace("source", '[[:space:]　。.，,、;；!！]', '', 'g') IN ('老客户转介绍', '展会', '招投标公告', '官网', '电话营销', '合作伙伴')
      THEN regexp_replace("source", '[[:space:]　。.，,、;；!！]', '', 'g')
    ELSE '其他：' || btrim("source", E' \t\n\r　')
  END
  WHERE btrim("source", E' \t\n\r　') NOT IN ('', '其他') AND "source" NOT LIKE '其他：%';
