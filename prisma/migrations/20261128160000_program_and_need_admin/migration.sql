-- Program and need management by city staff (lib/programs, lib/needs/service.ts).
-- No table changes: only the rules the staff forms and the CSV import rely on, so no
-- other code path can break them.

-- Slugs are generated from the Indonesian name: lower-case words joined by hyphens.
ALTER TABLE "program" ADD CONSTRAINT "program_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80);
ALTER TABLE "program" ADD CONSTRAINT "program_names_not_blank" CHECK (
  length(btrim("name_id")) BETWEEN 1 AND 200 AND length(btrim("name_en")) BETWEEN 1 AND 200
);
ALTER TABLE "program" ADD CONSTRAINT "program_descriptions_bounded" CHECK (
  length("description_id") <= 4000 AND length("description_en") <= 4000
);
ALTER TABLE "need" ADD CONSTRAINT "need_description_bounded" CHECK ("description" IS NULL OR length("description") <= 2000);

-- A program belongs to a city office, never to a donor or an aggregator.
CREATE FUNCTION "program_owner_is_city_office"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "organisation" WHERE "id" = NEW."owner_organisation_id" AND "kind" = 'CITY_OFFICE') THEN
    RAISE EXCEPTION 'program owner % is not a city office', NEW."owner_organisation_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "program_owner_is_city_office" BEFORE INSERT OR UPDATE OF "owner_organisation_id" ON "program"
  FOR EACH ROW EXECUTE FUNCTION "program_owner_is_city_office"();
