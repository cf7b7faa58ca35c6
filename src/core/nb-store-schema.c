/* nb-store-schema.c: the notebook's schema, one function per version.
 *
 * A step is never edited once released: a new version adds a function
 * (and a fixture tests/store/fixtures/schema-vN.sql dumped from the last
 * release) and bumps NB_STORE_SCHEMA_VERSION.
 *
 * Search: one FTS5 table with the trigram tokenizer. SQLite 3.40's
 * trigram cannot ignore accents, so triggers store text folded by
 * nb_fold() (see nb-db.c) and queries are folded the same way. A person's
 * card is the row 2 × person id; an entry's text is the row
 * 2 × entry id + 1, so that each can be replaced by rowid.
 *
 * Version 2 adds people.photo (the avatar as the image file's bytes, NULL
 * for none; read only where one person is shown, never by lists) and
 * capture_drafts, the unfinished after-event captures. A draft keeps
 * exactly what was typed, so its date is not checked: a half-typed date
 * must not make the draft fail to save. Its created and updated times are
 * in microseconds, so that the last changed draft sorts first.
 *
 * Version 3 keeps the search index up to date once per transaction
 * instead of once per row. SQLite 3.40's FTS5 writes out its pending
 * terms at every savepoint and every statement journal, so triggers
 * that wrote to the search table made each row of a large import a
 * segment of its own (and a merge). The triggers now only say which
 * search rows are stale, through nb_search_stale (ROWID, NEW), NEW when
 * the row is new (so there is nothing to delete first): the store's
 * connection keeps them in memory (the function returns FALSE), any
 * other connection writes them to pending_search (it returns TRUE). The
 * store rewrites both in a few statements before each COMMIT
 * (_nb_store_sync_search() in nb-store.c), before searching inside a
 * transaction, and on opening a notebook with rows in pending_search.
 * The version also writes the CHECKs of entries without IN lists (see
 * schema_v3).
 *
 * Version 4 only adds indexes, for the lists read when the window opens
 * (the people list's summaries and the agenda), which otherwise read the
 * whole entries table (27 MB at 200,000 entries) or look up a table row
 * per candidate. Each holds every column its queries read, so that they
 * never touch the table: SQLite 3.40 does not count a column that a
 * partial index's WHERE fixes ("deleted = 0") as held by the index, so
 * deleted is a column of each too. See schema_v4.
 *
 * Version 5 adds contact_dates: each person's newest contact, of any
 * date, on their own timeline (own) and from the other side of
 * introductions whose own person is not deleted (other), NULL for none.
 * Lists ask for the last contact up to today: that date when it is not
 * later, a lookup in a table of a few hundred KiB, where a seek into
 * entries_live per person read several MiB of it (the people list and
 * going cold, at 200,000 entries); the seek is left for those whose
 * newest is a date to come. Triggers on entries and people keep it: a
 * change to an entry that counts (added, deleted, moved to another date,
 * person or kind) reads both dates of each person it names again; a
 * person deleted or restored, those of everyone they introduced; a row
 * goes with its person. The rows are deleted and inserted, not replaced:
 * a conflict clause on the statement that fired a trigger would override
 * the trigger's own. It also adds people_cadence, which holds what
 * going cold reads of everyone with a cadence: a few hundred KiB, where
 * the people table is MiBs of cards. See schema_v5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-store-private.h"

#define DATE_SHAPE "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

static const char schema_v1[] =
  "CREATE TABLE people (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  display_name TEXT NOT NULL CHECK (trim (display_name) <> ''),\n"
  "  given_name TEXT NOT NULL DEFAULT '',\n"
  "  family_name TEXT NOT NULL DEFAULT '',\n"
  "  company TEXT NOT NULL DEFAULT '',\n"
  "  role TEXT NOT NULL DEFAULT '',\n"
  "  industry TEXT NOT NULL DEFAULT '',\n"
  "  location TEXT NOT NULL DEFAULT '',\n"
  "  emails TEXT NOT NULL DEFAULT '',\n"
  "  phones TEXT NOT NULL DEFAULT '',\n"
  "  urls TEXT NOT NULL DEFAULT '',\n"
  "  met_date TEXT NOT NULL DEFAULT '' CHECK (met_date = '' OR met_date GLOB " DATE_SHAPE "),\n"
  "  met_where TEXT NOT NULL DEFAULT '',\n"
  "  target_market TEXT NOT NULL DEFAULT '',\n"
  "  offers TEXT NOT NULL DEFAULT '',\n"
  "  interests TEXT NOT NULL DEFAULT '',\n"
  "  work_likes TEXT NOT NULL DEFAULT '',\n"
  "  industry_news TEXT NOT NULL DEFAULT '',\n"
  "  career_origin TEXT NOT NULL DEFAULT '',\n"
  "  networks TEXT NOT NULL DEFAULT '',\n"
  "  birthday TEXT NOT NULL DEFAULT '' CHECK (birthday = '' OR birthday GLOB " DATE_SHAPE "),\n"
  "  cadence_days INTEGER NOT NULL DEFAULT 0 CHECK (cadence_days BETWEEN 0 AND 36500),\n"
  "  rapport INTEGER NOT NULL DEFAULT 0 CHECK (rapport BETWEEN 0 AND 5),\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  "  introduced_by INTEGER REFERENCES people (id) ON DELETE SET NULL\n"
  "    CHECK (introduced_by IS NULL OR introduced_by <> id),\n"
  "  sort_key TEXT NOT NULL DEFAULT '',\n"
  "  folded_name TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  updated INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX people_sort ON people (sort_key, id) WHERE deleted = 0;\n"
  "CREATE INDEX people_introduced_by ON people (introduced_by) WHERE introduced_by IS NOT NULL;\n"
  "CREATE INDEX people_deleted ON people (deleted) WHERE deleted <> 0;\n"
  "\n"
  "CREATE TABLE tags (\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  tag TEXT NOT NULL CHECK (trim (tag) <> ''),\n"
  "  PRIMARY KEY (person_id, tag)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX tags_tag ON tags (tag);\n"
  "\n"
  "CREATE TABLE events (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),\n"
  "  date TEXT NOT NULL CHECK (date = '' OR date GLOB " DATE_SHAPE "),\n"
  "  place TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX events_date ON events (date DESC, id DESC);\n"
  "\n"
  "CREATE TABLE event_people (\n"
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (event_id, person_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX event_people_person ON event_people (person_id);\n"
  "\n"
  "CREATE TABLE entries (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  other_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,\n"
  "  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('conversation', 'meeting', 'note', 'dream',\n"
  "    'challenge', 'need', 'help-given', 'help-received', 'referral-given',\n"
  "    'referral-received', 'introduction', 'follow-up')),\n"
  "  date TEXT NOT NULL CHECK (date GLOB " DATE_SHAPE "),\n"
  "  due TEXT NOT NULL DEFAULT '' CHECK (due = '' OR due GLOB " DATE_SHAPE "),\n"
  "  status TEXT NOT NULL DEFAULT '',\n"
  "  text TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  updated INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  CHECK (CASE WHEN kind IN ('dream', 'challenge', 'need')\n"
  "               THEN status IN ('open', 'helped', 'achieved', 'resolved')\n"
  "             WHEN kind = 'follow-up'\n"
  "               THEN status IN ('open', 'done') AND due <> ''\n"
  "             ELSE status = '' END),\n"
  "  CHECK (other_person_id IS NULL OR other_person_id <> person_id)\n"
  ");\n"
  "CREATE INDEX entries_timeline ON entries (person_id, date DESC, id DESC);\n"
  "CREATE INDEX entries_other ON entries (other_person_id, date DESC, id DESC)\n"
  "  WHERE other_person_id IS NOT NULL;\n"
  "CREATE INDEX entries_event ON entries (event_id) WHERE event_id IS NOT NULL;\n"
  "CREATE INDEX entries_open_followups ON entries (due)\n"
  "  WHERE kind = 'follow-up' AND status = 'open';\n"
  "CREATE INDEX entries_deleted ON entries (deleted) WHERE deleted <> 0;\n"
  "\n"
  "CREATE TABLE profile (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  offers TEXT NOT NULL DEFAULT '',\n"
  "  looking_for TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "INSERT INTO profile (id) VALUES (1);\n"
  "\n"
  "CREATE VIRTUAL TABLE search USING fts5 (\n"
  "  name, work, offers, about, tags, note, person_id UNINDEXED,\n"
  "  tokenize = 'trigram'\n"
  ");\n"
  "\n"
  "CREATE TRIGGER people_search_insert AFTER INSERT ON people WHEN new.deleted = 0\n"
  "BEGIN\n"
  "  INSERT INTO search (rowid, person_id, name, work, offers, about, tags, note)\n"
  "  VALUES (2 * new.id, new.id,\n"
  "          nb_fold (new.display_name || ' ' || new.given_name || ' ' || new.family_name),\n"
  "          nb_fold (new.company || ' ' || new.role || ' ' || new.industry),\n"
  "          nb_fold (new.offers),\n"
  "          nb_fold (new.target_market || ' ' || new.interests),\n"
  "          (SELECT nb_fold (group_concat (tag, ' ')) FROM tags WHERE person_id = new.id),\n"
  "          '');\n"
  "END;\n"
  "CREATE TRIGGER people_search_update AFTER UPDATE OF display_name, given_name,\n"
  "  family_name, company, role, industry, offers, target_market, interests,\n"
  "  deleted ON people\n"
  "BEGIN\n"
  "  DELETE FROM search WHERE rowid = 2 * old.id;\n"
  "  INSERT INTO search (rowid, person_id, name, work, offers, about, tags, note)\n"
  "  SELECT 2 * new.id, new.id,\n"
  "         nb_fold (new.display_name || ' ' || new.given_name || ' ' || new.family_name),\n"
  "         nb_fold (new.company || ' ' || new.role || ' ' || new.industry),\n"
  "         nb_fold (new.offers),\n"
  "         nb_fold (new.target_market || ' ' || new.interests),\n"
  "         (SELECT nb_fold (group_concat (tag, ' ')) FROM tags WHERE person_id = new.id),\n"
  "         ''\n"
  "  WHERE new.deleted = 0;\n"
  "END;\n"
  "CREATE TRIGGER people_search_delete AFTER DELETE ON people\n"
  "BEGIN\n"
  "  DELETE FROM search WHERE rowid = 2 * old.id;\n"
  "END;\n"
  "\n"
  "CREATE TRIGGER tags_search_insert AFTER INSERT ON tags\n"
  "BEGIN\n"
  "  UPDATE search SET tags = (SELECT nb_fold (group_concat (tag, ' ')) FROM tags\n"
  "                            WHERE person_id = new.person_id)\n"
  "  WHERE rowid = 2 * new.person_id;\n"
  "END;\n"
  "CREATE TRIGGER tags_search_update AFTER UPDATE ON tags\n"
  "BEGIN\n"
  "  UPDATE search SET tags = (SELECT nb_fold (group_concat (tag, ' ')) FROM tags\n"
  "                            WHERE person_id = search.person_id)\n"
  "  WHERE rowid IN (2 * old.person_id, 2 * new.person_id);\n"
  "END;\n"
  "CREATE TRIGGER tags_search_delete AFTER DELETE ON tags\n"
  "BEGIN\n"
  "  UPDATE search SET tags = (SELECT nb_fold (group_concat (tag, ' ')) FROM tags\n"
  "                            WHERE person_id = old.person_id)\n"
  "  WHERE rowid = 2 * old.person_id;\n"
  "END;\n"
  "\n"
  "CREATE TRIGGER entries_search_insert AFTER INSERT ON entries WHEN new.deleted = 0\n"
  "BEGIN\n"
  "  INSERT INTO search (rowid, person_id, note)\n"
  "  VALUES (2 * new.id + 1, new.person_id, nb_fold (new.text));\n"
  "END;\n"
  "CREATE TRIGGER entries_search_update AFTER UPDATE OF person_id, text, deleted ON entries\n"
  "BEGIN\n"
  "  DELETE FROM search WHERE rowid = 2 * old.id + 1;\n"
  "  INSERT INTO search (rowid, person_id, note)\n"
  "  SELECT 2 * new.id + 1, new.person_id, nb_fold (new.text) WHERE new.deleted = 0;\n"
  "END;\n"
  "CREATE TRIGGER entries_search_delete AFTER DELETE ON entries\n"
  "BEGIN\n"
  "  DELETE FROM search WHERE rowid = 2 * old.id + 1;\n"
  "END;\n";

static gboolean
migrate_to_v1 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  return _nb_db_exec (db, path, schema_v1, error);
}

static const char schema_v2[] =
  "ALTER TABLE people ADD COLUMN photo BLOB;\n"
  "\n"
  "CREATE TABLE capture_drafts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  event_name TEXT NOT NULL DEFAULT '',\n"
  "  event_date TEXT NOT NULL DEFAULT '',\n"
  "  place TEXT NOT NULL DEFAULT '',\n"
  "  body TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  updated INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX capture_drafts_updated ON capture_drafts (updated DESC, id DESC);\n";

static gboolean
migrate_to_v2 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  return _nb_db_exec (db, path, schema_v2, error);
}

static const char schema_v3[] =
  "DROP TRIGGER people_search_insert;\n"
  "DROP TRIGGER people_search_update;\n"
  "DROP TRIGGER people_search_delete;\n"
  "DROP TRIGGER tags_search_insert;\n"
  "DROP TRIGGER tags_search_update;\n"
  "DROP TRIGGER tags_search_delete;\n"
  "DROP TRIGGER entries_search_insert;\n"
  "DROP TRIGGER entries_search_update;\n"
  "DROP TRIGGER entries_search_delete;\n"
  "\n"
  /* The same table, with the same rules written without IN lists:
   * SQLite builds a CHECK's list as a temporary b-tree for every row
   * written, which cost more than the row itself. Rebuilt the way
   * SQLite's documentation says (foreign keys are off here); ids are
   * kept, so the search rows still match. */
  "CREATE TABLE entries_v3 (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,\n"
  "  other_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,\n"
  "  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind = 'conversation' OR kind = 'meeting' OR kind = 'note'\n"
  "    OR kind = 'dream' OR kind = 'challenge' OR kind = 'need' OR kind = 'help-given'\n"
  "    OR kind = 'help-received' OR kind = 'referral-given' OR kind = 'referral-received'\n"
  "    OR kind = 'introduction' OR kind = 'follow-up'),\n"
  "  date TEXT NOT NULL CHECK (date GLOB " DATE_SHAPE "),\n"
  "  due TEXT NOT NULL DEFAULT '' CHECK (due = '' OR due GLOB " DATE_SHAPE "),\n"
  "  status TEXT NOT NULL DEFAULT '',\n"
  "  text TEXT NOT NULL DEFAULT '',\n"
  "  created INTEGER NOT NULL,\n"
  "  updated INTEGER NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  CHECK (CASE WHEN kind = 'dream' OR kind = 'challenge' OR kind = 'need'\n"
  "               THEN status = 'open' OR status = 'helped' OR status = 'achieved'\n"
  "                    OR status = 'resolved'\n"
  "             WHEN kind = 'follow-up'\n"
  "               THEN (status = 'open' OR status = 'done') AND due <> ''\n"
  "             ELSE status = '' END),\n"
  "  CHECK (other_person_id IS NULL OR other_person_id <> person_id)\n"
  ");\n"
  "INSERT INTO entries_v3 (id, person_id, other_person_id, event_id, kind, date, due,\n"
  "                        status, text, created, updated, deleted)\n"
  "  SELECT id, person_id, other_person_id, event_id, kind, date, due,\n"
  "         status, text, created, updated, deleted FROM entries;\n"
  "DROP TABLE entries;\n"
  "ALTER TABLE entries_v3 RENAME TO entries;\n"
  "CREATE INDEX entries_timeline ON entries (person_id, date DESC, id DESC);\n"
  "CREATE INDEX entries_other ON entries (other_person_id, date DESC, id DESC)\n"
  "  WHERE other_person_id IS NOT NULL;\n"
  "CREATE INDEX entries_event ON entries (event_id) WHERE event_id IS NOT NULL;\n"
  "CREATE INDEX entries_open_followups ON entries (due)\n"
  "  WHERE kind = 'follow-up' AND status = 'open';\n"
  "CREATE INDEX entries_deleted ON entries (deleted) WHERE deleted <> 0;\n"
  "\n"
  "CREATE TABLE pending_search (\n"
  "  search_rowid INTEGER PRIMARY KEY\n"
  ");\n"
  "\n"
  "CREATE TRIGGER people_search_insert AFTER INSERT ON people WHEN new.deleted = 0\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.id WHERE nb_search_stale (2 * new.id, 1);\n"
  "END;\n"
  "CREATE TRIGGER people_search_update AFTER UPDATE OF display_name, given_name,\n"
  "  family_name, company, role, industry, offers, target_market, interests,\n"
  "  deleted ON people\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.id WHERE nb_search_stale (2 * old.id, 0);\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.id\n"
  "    WHERE new.id <> old.id AND nb_search_stale (2 * new.id, 0);\n"
  "END;\n"
  "CREATE TRIGGER people_search_delete AFTER DELETE ON people\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.id WHERE nb_search_stale (2 * old.id, 0);\n"
  "END;\n"
  "\n"
  "CREATE TRIGGER tags_search_insert AFTER INSERT ON tags\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.person_id\n"
  "    WHERE nb_search_stale (2 * new.person_id, 0);\n"
  "END;\n"
  "CREATE TRIGGER tags_search_update AFTER UPDATE ON tags\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.person_id\n"
  "    WHERE nb_search_stale (2 * old.person_id, 0);\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.person_id\n"
  "    WHERE new.person_id <> old.person_id AND nb_search_stale (2 * new.person_id, 0);\n"
  "END;\n"
  "CREATE TRIGGER tags_search_delete AFTER DELETE ON tags\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.person_id\n"
  "    WHERE nb_search_stale (2 * old.person_id, 0);\n"
  "END;\n"
  "\n"
  "CREATE TRIGGER entries_search_insert AFTER INSERT ON entries WHEN new.deleted = 0\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.id + 1\n"
  "    WHERE nb_search_stale (2 * new.id + 1, 1);\n"
  "END;\n"
  "CREATE TRIGGER entries_search_update AFTER UPDATE OF person_id, text, deleted ON entries\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.id + 1\n"
  "    WHERE nb_search_stale (2 * old.id + 1, 0);\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * new.id + 1\n"
  "    WHERE new.id <> old.id AND nb_search_stale (2 * new.id + 1, 0);\n"
  "END;\n"
  "CREATE TRIGGER entries_search_delete AFTER DELETE ON entries\n"
  "BEGIN\n"
  "  INSERT OR IGNORE INTO pending_search SELECT 2 * old.id + 1\n"
  "    WHERE nb_search_stale (2 * old.id + 1, 0);\n"
  "END;\n";

static gboolean
migrate_to_v3 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  /* The search table is left as it is: the old triggers kept it right,
   * and the entries keep their ids. */
  return _nb_db_exec (db, path, schema_v3, error);
}

/* entries_live: the newest entry that counts as a contact, per person
 * and up to a date (a seek per person: last contact, going cold), and
 * the kinds of everyone's entries. entries_other_live: the same from the
 * other side of introductions. entries_meetings: upcoming meetings.
 * entries_goodwill: help, referrals and introductions, counted by kind
 * (a fifth of the entries); its WHERE is written with OR, not IN, for
 * the reason given in schema_v3, and NB_STORE_GOODWILL_KINDS repeats it
 * word for word so that SQLite can use the index. */
static const char schema_v4[] =
  "CREATE INDEX entries_live ON entries (person_id, date, kind, deleted)\n"
  "  WHERE deleted = 0;\n"
  "CREATE INDEX entries_other_live ON entries (other_person_id, date, kind, person_id, deleted)\n"
  "  WHERE other_person_id IS NOT NULL AND deleted = 0;\n"
  "CREATE INDEX entries_meetings ON entries (date)\n"
  "  WHERE kind = 'meeting' AND deleted = 0;\n"
  "CREATE INDEX entries_goodwill ON entries (kind, person_id, deleted)\n"
  "  WHERE deleted = 0 AND (kind = 'help-given' OR kind = 'referral-given'\n"
  "    OR kind = 'introduction' OR kind = 'help-received' OR kind = 'referral-received');\n";

static gboolean
migrate_to_v4 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  /* Indexes only: every row stays as it is. */
  return _nb_db_exec (db, path, schema_v4, error);
}

/* Frozen with version 5: the store's queries spell these in
 * nb-store-private.h, and may change; this step may not. */
#define V5_CONTACT "e.kind <> 'dream' AND e.kind <> 'challenge' AND e.kind <> 'need'"
#define V5_DATES_OF(ids) \
  "  DELETE FROM contact_dates WHERE person_id IN " ids ";\n" \
  "  INSERT INTO contact_dates (person_id, own, other)\n" \
  "    SELECT p.id,\n" \
  "      (SELECT e.date FROM entries e\n" \
  "        WHERE e.person_id = p.id AND e.deleted = 0 AND " V5_CONTACT "\n" \
  "        ORDER BY e.date DESC LIMIT 1),\n" \
  "      (SELECT e.date FROM entries e\n" \
  "        WHERE e.other_person_id = p.id AND e.deleted = 0 AND " V5_CONTACT "\n" \
  "          AND (SELECT o.deleted FROM people o WHERE o.id = e.person_id) = 0\n" \
  "        ORDER BY e.date DESC LIMIT 1)\n" \
  "    FROM people p WHERE p.id IN " ids ";\n"

static const char schema_v5[] =
  "CREATE TABLE contact_dates (\n"
  "  person_id INTEGER PRIMARY KEY,\n"
  "  own TEXT,\n"
  "  other TEXT\n"
  ");\n"
  "CREATE INDEX people_cadence ON people (cadence_days, met_date, created, archived, deleted)\n"
  "  WHERE cadence_days > 0 AND archived = 0 AND deleted = 0;\n"
  "CREATE TRIGGER entries_contact_insert AFTER INSERT ON entries\n"
  "  WHEN new.deleted = 0 AND new.kind <> 'dream' AND new.kind <> 'challenge' AND new.kind <> 'need'\n"
  "BEGIN\n"
  V5_DATES_OF ("(new.person_id, new.other_person_id)")
  "END;\n"
  "CREATE TRIGGER entries_contact_update\n"
  "  AFTER UPDATE OF person_id, other_person_id, kind, date, deleted ON entries\n"
  "  WHEN old.person_id IS NOT new.person_id OR old.other_person_id IS NOT new.other_person_id\n"
  "    OR old.kind IS NOT new.kind OR old.date IS NOT new.date OR old.deleted IS NOT new.deleted\n"
  "BEGIN\n"
  V5_DATES_OF ("(old.person_id, new.person_id, old.other_person_id, new.other_person_id)")
  "END;\n"
  "CREATE TRIGGER entries_contact_delete AFTER DELETE ON entries\n"
  "  WHEN old.deleted = 0 AND old.kind <> 'dream' AND old.kind <> 'challenge' AND old.kind <> 'need'\n"
  "BEGIN\n"
  V5_DATES_OF ("(old.person_id, old.other_person_id)")
  "END;\n"
  "CREATE TRIGGER people_contact_deleted AFTER UPDATE OF deleted ON people\n"
  "  WHEN old.deleted IS NOT new.deleted\n"
  "BEGIN\n"
  V5_DATES_OF ("(SELECT i.other_person_id FROM entries i"
               " WHERE i.person_id = new.id AND i.other_person_id IS NOT NULL)")
  "END;\n"
  "CREATE TRIGGER people_contact_delete AFTER DELETE ON people\n"
  "BEGIN\n"
  "  DELETE FROM contact_dates WHERE person_id = old.id;\n"
  "END;\n";

/* Everyone's, as the triggers would write them. */
static const char fill_v5[] =
  V5_DATES_OF ("(SELECT id FROM people)");

static gboolean
migrate_to_v5 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  return _nb_db_exec (db, path, schema_v5, error) &&
         _nb_db_exec (db, path, fill_v5, error);
}

/* The open follow-ups' index holds their rows: the agenda's follow-ups
 * (at 10,000 people, 970 due within a week, each on its own page of
 * the entries table: 700 pages read when the window opened) and who
 * has some due are read from the index alone, in its order. */
static const char schema_v6[] =
  "DROP INDEX entries_open_followups;\n"
  "CREATE INDEX entries_open_followups ON entries\n"
  "  (due, id, person_id, other_person_id, event_id, kind, date, status, text,\n"
  "   created, updated, deleted)\n"
  "  WHERE kind = 'follow-up' AND status = 'open';\n";

static gboolean
migrate_to_v6 (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  /* An index only: every row stays as it is. */
  return _nb_db_exec (db, path, schema_v6, error);
}

const NbMigrationFunc _nb_store_migrations[] = {
  NULL,
  migrate_to_v1,
  migrate_to_v2,
  migrate_to_v3,
  migrate_to_v4,
  migrate_to_v5,
  migrate_to_v6,
};

const guint _nb_store_n_migrations = G_N_ELEMENTS (_nb_store_migrations);

G_STATIC_ASSERT (G_N_ELEMENTS (_nb_store_migrations) == NB_STORE_SCHEMA_VERSION + 1);
