-- CreateIndex
CREATE INDEX "pledge_status_updated_at_idx" ON "pledge"("status", "updated_at");

