-- AlterTable
ALTER TABLE "sign_in_attempt" ADD COLUMN     "password_checked" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "user_session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");

-- CreateIndex
CREATE INDEX "user_session_expires_at_idx" ON "user_session"("expires_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_created_at_idx" ON "sign_in_attempt"("ip", "created_at");

-- AddForeignKey
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A session ends after it starts, and is revoked (if ever) after it starts.
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_times" CHECK ("expires_at" > "created_at" AND ("revoked_at" IS NULL OR "revoked_at" >= "created_at"));

-- The limits are decided inside PostgreSQL, one key at a time (lib/auth/rate-limit.ts).
-- Each function takes a transaction-scoped advisory lock on its key, then counts and
-- records: a VOLATILE function reads with a new snapshot after the lock, so it sees every
-- attempt committed by the one before it, and N parallel calls pass at most the limit.
-- Times are UTC wall-clock, as Prisma stores them.
CREATE FUNCTION ksbb_reserve_sign_in(p_email TEXT, p_ip TEXT, p_now TIMESTAMP(3), p_window INTERVAL, p_max_account INT, p_max_address INT)
RETURNS TABLE (outcome TEXT, attempt_id BIGINT) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  failures INT;
  reserved BIGINT;
BEGIN
  -- Always the address first, then the account: two calls never wait on each other in turn.
  IF p_ip IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('sign-in:ip:' || p_ip, 0));
    SELECT count(*) INTO failures FROM sign_in_attempt
     WHERE ip = p_ip AND NOT succeeded AND password_checked AND created_at > p_now - p_window;
    IF failures >= p_max_address THEN
      INSERT INTO sign_in_attempt (email, ip, succeeded, password_checked, created_at) VALUES (p_email, p_ip, false, false, p_now);
      RETURN QUERY SELECT 'limited'::TEXT, NULL::BIGINT;
      RETURN;
    END IF;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('sign-in:account:' || p_email, 0));
  SELECT count(*) INTO failures FROM sign_in_attempt
   WHERE email = p_email AND NOT succeeded AND password_checked AND created_at > p_now - p_window;
  IF failures >= p_max_account THEN
    INSERT INTO sign_in_attempt (email, ip, succeeded, password_checked, created_at) VALUES (p_email, p_ip, false, false, p_now);
    RETURN QUERY SELECT 'locked'::TEXT, NULL::BIGINT;
    RETURN;
  END IF;
  -- Reserved as a failure until the password proves right (settled by the caller).
  INSERT INTO sign_in_attempt (email, ip, succeeded, password_checked, created_at) VALUES (p_email, p_ip, false, true, p_now)
  RETURNING id INTO reserved;
  RETURN QUERY SELECT 'reserved'::TEXT, reserved;
END;
$$;

CREATE FUNCTION ksbb_take_rate_limit(p_bucket TEXT, p_limit INT, p_window INTERVAL, p_now TIMESTAMP(3))
RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  used INT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('rate:' || p_bucket, 0));
  SELECT count(*) INTO used FROM rate_limit_hit WHERE bucket = p_bucket AND created_at > p_now - p_window;
  -- Hits over the limit are not recorded, so a blocked client does not extend its own block.
  IF used >= p_limit THEN
    RETURN false;
  END IF;
  INSERT INTO rate_limit_hit (bucket, created_at) VALUES (p_bucket, p_now);
  RETURN true;
END;
$$;
