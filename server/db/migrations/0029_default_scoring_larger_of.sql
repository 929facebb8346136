-- Issue 18: the default scoring model scores the larger of sales volume and potential (the course's
-- "large sales or large potential") instead of adding them. A model saved unchanged from the old
-- default is dropped so the organisation follows the new default; every stored score is cleared, so
-- the server scores each account again with its organisation's model (on start and on the first read
-- of the scores: scoreUnscored).
UPDATE "orgs" SET "settings" = "settings" - 'scoring'
 WHERE "settings" -> 'scoring' = '{"criteria":[{"key":"salesVolume","field":"ourRevenue","weight":40,"scale":{"bands":[{"min":"0","points":0},{"min":"100000","points":20},{"min":"500000","points":40},{"min":"1000000","points":60},{"min":"2000000","points":80},{"min":"5000000","points":100}]}},{"key":"potential","field":"potential","weight":30,"scale":{"bands":[{"min":"0","points":0},{"min":"500000","points":20},{"min":"1000000","points":40},{"min":"3000000","points":60},{"min":"5000000","points":80},{"min":"10000000","points":100}]}},{"key":"marketStrength","field":"marketStrength","weight":15,"scale":{"points":{"1":20,"2":40,"3":60,"4":80,"5":100}}},{"key":"financialStatus","field":"financialStatus","weight":15,"scale":{"points":{"good":100,"fair":50,"poor":0}}}],"tierThresholds":{"A":70,"B":40}}'::jsonb;
--> statement-breakpoint
UPDATE "accounts" SET "score" = NULL, "recommended_tier" = NULL WHERE "score" IS NOT NULL OR "recommended_tier" IS NOT NULL;
