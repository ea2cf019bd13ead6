-- A filing's organization and jurisdiction are checked once per statement instead of once per row.
--
-- A foreign key runs one lookup per inserted row; at import rates (COPY of 100,000 filings) those two
-- lookups (and the row lock each takes on the organization) cost about as much as every index of the table
-- together. The rules stay the same and stay in the database: after each INSERT or UPDATE statement on filing,
-- one query over the statement's new rows finds any organization or jurisdiction that does not exist; deleting
-- a referenced organization or jurisdiction fails as before. Errors keep the SQLSTATE (23503) and the constraint
-- names of the foreign keys.
--
-- Concurrency (READ COMMITTED, as the service runs): instead of locking every referenced organization, the
-- rare delete side locks the filing table in SHARE mode before it looks for references. It thus waits for every
-- transaction writing filings to end and then sees their rows; a filing written after the lock waits for the
-- delete to end, and its own check (a new snapshot) then sees the organization gone.

ALTER TABLE filing DROP CONSTRAINT filing_organization_id_fkey,
                   DROP CONSTRAINT filing_jurisdiction_fkey;

CREATE FUNCTION filing_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing_organization bigint;
    missing_jurisdiction text;
BEGIN
    SELECT n.organization_id INTO missing_organization FROM new_filings n
     WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = n.organization_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "filing" violates foreign key constraint "filing_organization_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'filing_organization_id_fkey',
                  DETAIL = format('Key (organization_id)=(%s) is not present in table "organization".', missing_organization);
    END IF;
    SELECT n.jurisdiction INTO missing_jurisdiction FROM new_filings n
     WHERE n.jurisdiction IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jurisdiction j WHERE j.code = n.jurisdiction) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "filing" violates foreign key constraint "filing_jurisdiction_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'filing_jurisdiction_fkey',
                  DETAIL = format('Key (jurisdiction)=(%s) is not present in table "jurisdiction".', missing_jurisdiction);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER filing_references_on_insert AFTER INSERT ON filing
    REFERENCING NEW TABLE AS new_filings FOR EACH STATEMENT EXECUTE FUNCTION filing_check_references();
CREATE TRIGGER filing_references_on_update AFTER UPDATE ON filing
    REFERENCING NEW TABLE AS new_filings FOR EACH STATEMENT EXECUTE FUNCTION filing_check_references();

CREATE FUNCTION organization_check_unreferenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced bigint;
BEGIN
    LOCK TABLE filing IN SHARE MODE;
    SELECT f.organization_id INTO referenced FROM filing f
     WHERE f.organization_id IN (SELECT id FROM old_organizations) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "organization" violates foreign key constraint "filing_organization_id_fkey" on table "filing"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'filing_organization_id_fkey',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "filing".', referenced);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organization_unreferenced_on_delete AFTER DELETE ON organization
    REFERENCING OLD TABLE AS old_organizations FOR EACH STATEMENT EXECUTE FUNCTION organization_check_unreferenced();

CREATE FUNCTION jurisdiction_check_unreferenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced text;
BEGIN
    LOCK TABLE filing IN SHARE MODE;
    SELECT f.jurisdiction INTO referenced FROM filing f
     WHERE f.jurisdiction IN (SELECT code FROM old_jurisdictions) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "jurisdiction" violates foreign key constraint "filing_jurisdiction_fkey" on table "filing"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'filing_jurisdiction_fkey',
                  DETAIL = format('Key (code)=(%s) is still referenced from table "filing".', referenced);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jurisdiction_unreferenced_on_delete AFTER DELETE ON jurisdiction
    REFERENCING OLD TABLE AS old_jurisdictions FOR EACH STATEMENT EXECUTE FUNCTION jurisdiction_check_unreferenced();
