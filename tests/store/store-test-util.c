/* store-test-util.c: helpers shared by the store tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

char *
test_scratch_path (const char *name)
{
  static guint counter;
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");
  g_autofree char *dir = NULL;
  g_autofree char *unique = NULL;

  g_assert_nonnull (scratch);

  dir = g_build_filename (scratch, "store", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  unique = g_strdup_printf ("%u-%s", ++counter, name);
  return g_build_filename (dir, unique, NULL);
}

NbStore *
test_open_new_store (void)
{
  g_autofree char *path = test_scratch_path ("netbook.db");
  g_autoptr(GError) error = NULL;
  NbStore *store;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

void
test_write_file (const char *path,
                 const void *data,
                 gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, (gssize) size,
                            G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

void
test_assert_untouched (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = test_read_file (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

sqlite3 *
test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (_nb_db_register_functions (db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

void
test_sqlite_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

gint64
test_sqlite_int (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

gint64
test_add_person (NbStore    *store,
                 const char *name,
                 const char *company,
                 const char *role)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  nb_person_set_field (person, NB_PERSON_ROLE, role);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

gint64
test_add_entry (NbStore     *store,
                NbEntryKind  kind,
                gint64       person_id,
                const char  *date,
                const char  *text)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (kind == NB_ENTRY_FOLLOW_UP)
    nb_entry_set_due (entry, date);

  id = nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

void
test_fill_sample (NbStore *store)
{
  g_autoptr(NbPerson) maria = nb_person_new ("Maria Rossi");
  g_autoptr(NbEvent) event = nb_event_new ("Chamber breakfast", "2024-05-02", "Town hall");
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "design", "chamber", NULL };
  gint64 maria_id;
  gint64 tom_id;
  gint64 zoe_id;
  gint64 event_id;

  nb_person_set_field (maria, NB_PERSON_GIVEN_NAME, "Maria");
  nb_person_set_field (maria, NB_PERSON_FAMILY_NAME, "Rossi");
  nb_person_set_field (maria, NB_PERSON_COMPANY, "Bianchi Rossi Partners");
  nb_person_set_field (maria, NB_PERSON_ROLE, "Graphic designer");
  nb_person_set_field (maria, NB_PERSON_OFFERS, "Logos, brochures and print design");
  nb_person_set_field (maria, NB_PERSON_TARGET_MARKET, "Restaurants opening a second site");
  nb_person_set_field (maria, NB_PERSON_MET_DATE, "2024-05-02");
  nb_person_set_field (maria, NB_PERSON_EMAILS, "maria@example.com\nm.rossi@example.org");
  nb_person_set_tags (maria, tags);
  nb_person_set_cadence_days (maria, 30);
  nb_person_set_rapport (maria, 4);
  maria_id = nb_store_add_person (store, maria, &error);
  g_assert_no_error (error);

  tom_id = test_add_person (store, "Tom O'Brien", "O'Brien Roofing", "Sales");
  zoe_id = test_add_person (store, "Zoë Ångström", "Salons Ångström", "Founder");

  event_id = nb_store_add_event (store, event, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, event_id, maria_id, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, event_id, tom_id, &error);
  g_assert_no_error (error);

  test_add_entry (store, NB_ENTRY_MEETING, maria_id, "2024-05-02", "Coffee at the chamber");
  test_add_entry (store, NB_ENTRY_DREAM, maria_id, "2024-05-02", "A studio in Lisbon");
  test_add_entry (store, NB_ENTRY_NEED, maria_id, "2024-05-02", "A bookkeeper");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, maria_id, "2024-05-09", "Send the printer contact");
  test_add_entry (store, NB_ENTRY_NOTE, zoe_id, "2024-06-01", "Loves sailing");

  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, maria_id, "2024-05-10", "Maria meets Tom");
  nb_entry_set_other_person_id (intro, tom_id);
  nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);

  nb_store_set_profile (store, "Bookkeeping for small firms", "Restaurant owners", &error);
  g_assert_no_error (error);
}

static char *
normalise_sql (const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (sql == NULL)
    return g_strdup ("");

  /* One space between tokens, none around punctuation: a column added
   * by ALTER TABLE reads like one written in CREATE TABLE. */
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0 && strchr ("(),;", *p) == NULL &&
          strchr ("(,", out->str[out->len - 1]) == NULL)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_strdup (out->str);
}

char *
test_dump_schema (sqlite3 *db)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = normalise_sql ((const char *) sqlite3_column_text (stmt, 3));

      g_string_append_printf (dump, "%s %s %s %s\n",
                              sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2),
                              sql);
    }
  sqlite3_finalize (stmt);

  return g_strdup (dump->str);
}

/* What the search table must hold, from the rules of the schema: a
 * row per card of someone not deleted, a row per entry not deleted. */
#define EXPECTED_INDEX \
  "SELECT 2 * id, id, nb_fold (display_name || ' ' || given_name || ' ' || family_name)," \
  "  nb_fold (company || ' ' || role || ' ' || industry), nb_fold (offers)," \
  "  nb_fold (target_market || ' ' || interests)," \
  "  (SELECT nb_fold (group_concat (tag, ' ')) FROM tags WHERE person_id = p.id), ''" \
  " FROM people p WHERE deleted = 0" \
  " UNION ALL SELECT 2 * id + 1, person_id, NULL, NULL, NULL, NULL, NULL, nb_fold (text)" \
  " FROM entries WHERE deleted = 0"
#define ACTUAL_INDEX \
  "SELECT rowid, person_id, name, work, offers, about, tags, note FROM search"

void
test_assert_search_index_exact (NbStore *store)
{
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM (" ACTUAL_INDEX
                                               " EXCEPT SELECT * FROM (" EXPECTED_INDEX "))"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM (SELECT * FROM (" EXPECTED_INDEX ")"
                                               " EXCEPT " ACTUAL_INDEX ")"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search"), ==,
                   test_sqlite_int (store->db, "SELECT count (*) FROM (" EXPECTED_INDEX ")"));
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pending_search"), ==, 0);
}

/* Each person's newest contacts, worked out from every entry with
 * max() and a join, not as the schema's triggers or the store's seeks
 * do it: id, own, other (NULL for none). */
#define EXPECTED_CONTACT_DATES \
  "SELECT p.id," \
  "  (SELECT max (e.date) FROM entries e WHERE e.person_id = p.id AND e.deleted = 0" \
  "     AND e.kind NOT IN " NB_STORE_NOT_CONTACT ")," \
  "  (SELECT max (e.date) FROM entries e JOIN people i ON i.id = e.person_id" \
  "    WHERE e.other_person_id = p.id AND e.deleted = 0 AND i.deleted = 0" \
  "      AND e.kind NOT IN " NB_STORE_NOT_CONTACT ")" \
  " FROM people p"
/* A missing row stands for none. */
#define ACTUAL_CONTACT_DATES \
  "SELECT p.id, c.own, c.other FROM people p LEFT JOIN contact_dates c ON c.person_id = p.id"

void
test_assert_contact_dates_exact (sqlite3 *db)
{
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM (" ACTUAL_CONTACT_DATES
                                        " EXCEPT " EXPECTED_CONTACT_DATES ")"), ==, 0);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM (" EXPECTED_CONTACT_DATES
                                        " EXCEPT " ACTUAL_CONTACT_DATES ")"), ==, 0);
  /* No row outlives its person. */
  g_assert_cmpint (test_sqlite_int (db, "SELECT count (*) FROM contact_dates"
                                        " WHERE person_id NOT IN (SELECT id FROM people)"), ==, 0);
}
