-- An organisation's public profile on /kolaborator: a short description, a website and a
-- logo (re-encoded by the portal, stored under logo_key).
-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "logo_key" TEXT,
ADD COLUMN     "logo_updated_at" TIMESTAMP(3),
ADD COLUMN     "public_description" TEXT,
ADD COLUMN     "website" TEXT;


-- What the form allows, held by the database too. The bounds count characters, where the
-- form's (zod) count UTF-16 units, so they are a little wider: never empty, never longer.
ALTER TABLE organisation
  ADD CONSTRAINT organisation_public_description_length CHECK (
    public_description IS NULL OR char_length(public_description) BETWEEN 1 AND 300
  ),
  -- Only a web address a browser opens as a page: never javascript:, data: or a relative path.
  ADD CONSTRAINT organisation_website_http CHECK (
    website IS NULL OR (
      (website LIKE 'https://%' OR website LIKE 'http://%')
      AND char_length(website) <= 200
      AND website !~ '[[:space:]]'
    )
  ),
  -- A key the portal made (logos/<organisation>/<uuid>.png|jpg), and when it was uploaded.
  ADD CONSTRAINT organisation_logo_key CHECK (
    logo_key IS NULL OR logo_key ~ '^logos/[A-Za-z0-9_]+/[0-9a-f-]{36}\.(jpg|png)$'
  ),
  ADD CONSTRAINT organisation_logo_updated CHECK ((logo_key IS NULL) = (logo_updated_at IS NULL));
