-- Timelines (server/modules/timeline): an account's or a deal's calls newest first by the moment they
-- sit on the feed — when logged for a done call, else when planned. Hand-written: the expression must
-- stay textually identical to ACTIVITY_AT in server/modules/timeline/repository.ts.
CREATE INDEX "activities_account_timeline_idx" ON "activities" USING btree ("org_id","account_id",(case when "status" = 'done' then coalesce("completed_at", "planned_end") else "planned_start" end),"id");--> statement-breakpoint
CREATE INDEX "activities_opp_timeline_idx" ON "activities" USING btree ("org_id","opportunity_id",(case when "status" = 'done' then coalesce("completed_at", "planned_end") else "planned_start" end),"id") WHERE "opportunity_id" is not null;
