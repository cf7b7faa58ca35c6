/* test-faults.c: I/O that fails on purpose, the way SQLite tests itself.
 *
 * Every operation that touches the notebook (opening, creating,
 * migrating, saving, capturing, importing, backing up, restoring,
 * reading, closing) runs once without faults to learn how many reads,
 * writes and syncs it does and what the files look like afterwards.
 * Then it runs again and again from the same starting point with the
 * fault VFS failing the Nth read, write or sync (or making the Nth write
 * find the disk full), once or from then on. Each time:
 *
 * - the failure is a GError with a clear message, and an I/O fault is
 *   never reported as a damaged or foreign file;
 * - every file is either as it was or as the successful run left it (the
 *   operation is all or nothing), no temporary file is left behind, and
 *   integrity_check, foreign_key_check and FTS5's integrity-check pass;
 * - the store's live models agree with the tables;
 * - retried without the fault, on the same store, it succeeds;
 * - the notebook then opens again with everything in it.
 *
 * Fast mode tries a handful of N per kind; NETBOOK_LONG_TESTS=1 tries
 * every N.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nb-backup.h"
#include "nb-fault-vfs.h"
#include "nb-import.h"
#include "nb-json.h"
#include "robust-util.h"

#define TODAY "2024-06-01"

typedef enum {
  TEMPLATE_NONE,    /* no notebook yet */
  TEMPLATE_SAMPLE,  /* a notebook of the current format with data */
  TEMPLATE_V1,      /* a notebook of format 1 with data */
  TEMPLATE_EMPTY,   /* a new, empty notebook */
} Template;

typedef struct {
  char     *dir;
  char     *path;       /* the notebook */
  NbStore  *store;      /* open unless the operation opens it */
  gint64    id;         /* what the operation works on */
  char     *other;      /* a second file: a backup to restore, a copy */
} Case;

typedef struct {
  const char *name;
  Template    template;
  gboolean    open_store;
  void      (*setup) (Case *c);
  gboolean  (*run)   (Case *c, GError **error);
  /* A bug this test found in code being written by someone else: the
   * sweep is skipped (with this reason) unless NETBOOK_TEST_KNOWN_BUGS=1. */
  const char *known_bug;
} Operation;

static GBytes *templates[TEMPLATE_EMPTY + 1];
static GBytes *json_export;
static GHashTable *messages;  /* "op kind: message" set, for the log */
static guint n_cases;
static guint n_ambiguous;

/* ---- Files --------------------------------------------------------------- */

static void
case_free (Case *c)
{
  g_clear_object (&c->store);
  g_free (c->dir);
  g_free (c->path);
  g_free (c->other);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Case, case_free)

/* A file's name with the time of a backup taken out: the dry run and
 * the faulty runs happen at different seconds. */
static char *
normalize_name (const char *name)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6}(-[0-9]+)?", 0, 0, NULL);

  return g_regex_replace_literal (regex, name, -1, 0, "TIME", 0, NULL);
}

static void
snapshot_dir (GHashTable *snapshot,
              const char *dir,
              const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);
      g_autofree char *rel = g_strconcat (prefix, name, NULL);
      g_autofree char *key = NULL;
      g_autofree char *fp = NULL;
      const char *old;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *sub = g_strconcat (rel, "/", NULL);

          snapshot_dir (snapshot, full, sub);
          continue;
        }

      /* A temporary name's side files are left behind as much as the
       * file itself: the -wal of a copy renamed away holds what the
       * copy is missing. */
      if (name[0] == '.' || g_str_has_suffix (name, "-journal"))
        g_error ("a temporary file was left behind: %s", full);

      /* A notebook's own side files belong to it. */
      if (g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;

      key = normalize_name (rel);
      fp = robust_fingerprint (full);
      old = g_hash_table_lookup (snapshot, key);
      if (old != NULL)
        {
          /* Two backups in one second: keep both, in a stable order. */
          g_autofree char *both = strcmp (old, fp) < 0 ? g_strconcat (old, " + ", fp, NULL)
                                                       : g_strconcat (fp, " + ", old, NULL);

          g_hash_table_replace (snapshot, g_steal_pointer (&key), g_steal_pointer (&both));
        }
      else
        {
          g_hash_table_replace (snapshot, g_steal_pointer (&key), g_steal_pointer (&fp));
        }
    }
}

/* Every file of the case: name → fingerprint. */
static GHashTable *
snapshot (Case *c)
{
  GHashTable *snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_dir (snapshot, c->dir, "");
  return snapshot;
}

static const char *
lookup (GHashTable *table,
        const char *key)
{
  const char *value = g_hash_table_lookup (table, key);

  return value != NULL ? value : "(none)";
}

static GPtrArray *
all_keys (GHashTable *a,
          GHashTable *b,
          GHashTable *c)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *tables[] = { a, b, c };
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (set, key);
    }
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  return keys;
}

static gboolean
snapshots_equal (GHashTable *a,
                 GHashTable *b)
{
  g_autoptr(GPtrArray) keys = all_keys (a, b, b);

  for (guint i = 0; i < keys->len; i++)
    if (!g_str_equal (lookup (a, keys->pdata[i]), lookup (b, keys->pdata[i])))
      return FALSE;

  return TRUE;
}

/* Each file is as it was or as the successful run left it. */
static void
assert_all_or_nothing (const char *label,
                       GHashTable *mid,
                       GHashTable *before,
                       GHashTable *after)
{
  g_autoptr(GPtrArray) keys = all_keys (mid, before, after);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *m = lookup (mid, keys->pdata[i]);
      const char *b = lookup (before, keys->pdata[i]);
      const char *a = lookup (after, keys->pdata[i]);

      if (!g_str_equal (m, b) && !g_str_equal (m, a))
        g_error ("%s: %s is now “%s”: neither as before (“%s”) nor as after success (“%s”)",
                 label, (const char *) keys->pdata[i], m, b, a);
    }
}

/* ---- Operations --------------------------------------------------------- */

static gboolean
run_open (Case    *c,
          GError **error)
{
  g_clear_object (&c->store);
  c->store = nb_store_open (c->path, error);
  return c->store != NULL;
}

static gboolean
run_close (Case    *c,
           GError **error)
{
  /* A checkpoint that fails on close must lose nothing: the WAL stays
   * and is played back next time. */
  g_clear_object (&c->store);
  return TRUE;
}

static void
setup_close (Case *c)
{
  test_add_person (c->store, "Written before closing", "", "");
}

static gboolean
run_add_person (Case    *c,
                GError **error)
{
  g_autoptr(NbPerson) person = nb_person_new ("Ada Lovelace");
  const char *tags[] = { "math", "engines", NULL };

  nb_person_set_field (person, NB_PERSON_COMPANY, "Analytical Engines");
  nb_person_set_field (person, NB_PERSON_EMAILS, "ada@example.com");
  nb_person_set_tags (person, tags);
  return nb_store_add_person (c->store, person, error) > 0;
}

static void
setup_checkpoint_often (Case *c)
{
  /* Every commit checkpoints: the faults reach the main file too. */
  test_sqlite_exec (c->store->db, "PRAGMA wal_autocheckpoint = 1");
}

static gboolean
run_update_person (Case    *c,
                   GError **error)
{
  g_autoptr(NbPerson) person = nb_store_get_person (c->store, 1, error);

  if (person == NULL)
    return FALSE;
  nb_person_set_field (person, NB_PERSON_COMPANY, "Rossi & Figli");
  nb_person_set_field (person, NB_PERSON_DISPLAY_NAME, "Maria Rossi-Bianchi");
  return nb_store_update_person (c->store, person, error);
}

static gboolean
add_person_with_entries (NbStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  g_autoptr(NbPerson) person = nb_person_new ("Grace Hopper");
  g_autoptr(NbEntry) meeting = NULL;
  g_autoptr(NbEntry) need = NULL;
  g_autoptr(NbEntry) followup = NULL;
  gint64 id;

  id = nb_store_add_person (store, person, error);
  if (id == 0)
    return FALSE;

  meeting = nb_entry_new (NB_ENTRY_MEETING, id, "2024-05-20", "Coffee about compilers");
  need = nb_entry_new (NB_ENTRY_NEED, id, "2024-05-20", "A printer for manuals");
  followup = nb_entry_new (NB_ENTRY_FOLLOW_UP, id, "2024-05-20", "Send the COBOL notes");
  nb_entry_set_due (followup, "2024-05-27");

  return nb_store_add_entry (store, meeting, error) > 0 &&
         nb_store_add_entry (store, need, error) > 0 &&
         nb_store_add_entry (store, followup, error) > 0;
}

static gboolean
run_transaction (Case    *c,
                 GError **error)
{
  return nb_store_transaction (c->store, add_person_with_entries, NULL, error);
}

static void
setup_status (Case *c)
{
  c->id = test_sqlite_int (c->store->db,
                           "SELECT id FROM entries WHERE kind = 'follow-up' ORDER BY id LIMIT 1");
}

static gboolean
run_status (Case    *c,
            GError **error)
{
  return nb_store_set_entry_status (c->store, c->id, NB_STATUS_DONE, error);
}

static gboolean
run_delete_person (Case    *c,
                   GError **error)
{
  return nb_store_delete_person (c->store, 2, error);
}

static void
setup_purge (Case *c)
{
  g_autoptr(GError) error = NULL;

  nb_store_delete_person (c->store, 2, &error);
  g_assert_no_error (error);
}

static gboolean
run_purge (Case    *c,
           GError **error)
{
  return nb_store_purge_deleted (c->store, error);
}

static gboolean
run_profile (Case    *c,
             GError **error)
{
  return nb_store_set_profile (c->store, "Bookkeeping and payroll", "Cafés opening a second site", error);
}

static void
setup_draft (Case *c)
{
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new ("Chamber mixer", TODAY, "Town hall",
                                                          "Bob Haddad (Blue Harbor): wants");
  g_autoptr(GError) error = NULL;

  c->id = nb_store_save_capture_draft (c->store, draft, &error);
  g_assert_no_error (error);
}

static gboolean
run_save_draft (Case    *c,
                GError **error)
{
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new ("Chamber mixer", TODAY, "Town hall",
                                                          "Bob Haddad (Blue Harbor): wants referrals\n"
                                                          "Priya, Spa Olivia: looking for a bookkeeper");

  draft->id = c->id;
  return nb_store_save_capture_draft (c->store, draft, error) == c->id;
}

static gboolean
run_save_capture (Case    *c,
                  GError **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_line_free);
  NbCaptureLine *line;

  g_ptr_array_add (lines, nb_capture_parse_line ("Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !2024-06-07", TODAY));
  line = nb_capture_parse_line ("Maria Rossi: talked about Lisbon", TODAY);
  line->person_id = 1;
  g_ptr_array_add (lines, line);
  g_ptr_array_add (lines, nb_capture_parse_line ("Priya Raghunathan, Spa Olivia: looking for a bookkeeper", TODAY));

  return nb_store_save_capture (c->store, "Chamber mixer", TODAY, "Town hall",
                                lines, c->id, NULL, error) > 0;
}

static const char vcards[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Ada Lovelace\r\n"
  "N:Lovelace;Ada;;;\r\n"
  "ORG:Analytical Engines\r\n"
  "EMAIL:ada@example.com\r\n"
  "NOTE:Met at the Royal Society\r\n"
  "CATEGORIES:math,engines\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Maria Rossi\r\n"
  "EMAIL:maria@example.com\r\n"
  "TEL:+39 055 1234\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:4.0\r\n"
  "FN:Charles Babbage\r\n"
  "ORG:Difference Engines\r\n"
  "END:VCARD\r\n";

static gboolean
run_import_vcard (Case    *c,
                  GError **error)
{
  g_autoptr(GBytes) data = g_bytes_new_static (vcards, sizeof vcards - 1);
  g_autoptr(NbImportReport) report = NULL;

  report = nb_import_bytes (c->store, data, NULL, NULL, NULL, NULL, error);
  return report != NULL;
}

static gboolean
run_import_json (Case    *c,
                 GError **error)
{
  NbJsonImportReport report = { 0 };

  return nb_json_import (c->store, json_export, &report, NULL, error);
}

static void
setup_copy (Case *c)
{
  g_autoptr(GError) error = NULL;

  /* An older copy is already there: a failed backup must keep it. */
  c->other = g_build_filename (c->dir, "copy.db", NULL);
  nb_store_backup (c->store, c->other, &error);
  g_assert_no_error (error);
  test_add_person (c->store, "Added after the last copy", "", "");
}

static gboolean
run_backup (Case    *c,
            GError **error)
{
  return nb_store_backup (c->store, c->other, error);
}

static void
setup_backup_now (Case *c)
{
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;

  first = nb_backup_now (c->store, &error);
  g_assert_no_error (error);
  test_add_person (c->store, "Added after the last backup", "", "");
  /* The next backup must not fall in the same second's name. */
  g_usleep (G_USEC_PER_SEC / 100);
}

static gboolean
run_backup_now (Case    *c,
                GError **error)
{
  g_autofree char *path = nb_backup_now (c->store, error);

  return path != NULL;
}

static void
setup_restore (Case *c)
{
  c->other = g_build_filename (c->dir, "old.db", NULL);
  test_write_file (c->other, g_bytes_get_data (templates[TEMPLATE_V1], NULL),
                   g_bytes_get_size (templates[TEMPLATE_V1]));
}

static gboolean
run_restore (Case    *c,
             GError **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *safety = NULL;
  gboolean ok;

  ok = nb_backup_restore (c->path, c->other, &safety, error);

  /* The notebook had no side files and no store is open on it: a log
   * beside it now would be replayed into whatever file is there. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (c->path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("restore left %s beside the notebook", side);
    }

  /* Refused, the notebook is untouched to the byte, not only in what
   * it holds. */
  if (!ok)
    {
      g_autoptr(GBytes) now = test_read_file (c->path);

      if (!g_bytes_equal (now, templates[TEMPLATE_SAMPLE]))
        g_error ("restore failed (%s), yet changed the notebook's bytes",
                 (*error)->message);
    }

  return ok;
}

static void
setup_read (Case *c)
{
  sqlite3 *db = test_sqlite_open (c->path);

  /* Another program (netbook-cli) wrote meanwhile: the store's page
   * cache is stale, so what it reads next comes from the disk. */
  test_sqlite_exec (db, "UPDATE profile SET offers = 'Changed by the CLI'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
run_read (Case    *c,
          GError **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(NbPerson) person = NULL;

  return (people = nb_store_list_people (c->store, NULL, TRUE, error)) != NULL &&
         (hits = nb_store_search (c->store, "rossi", 0, error)) != NULL &&
         (person = nb_store_get_person (c->store, 1, error)) != NULL &&
         (timeline = nb_store_list_entries (c->store, 1, error)) != NULL &&
         (followups = nb_store_list_followups (c->store, FALSE, TODAY, error)) != NULL &&
         (briefing = nb_store_build_briefing (c->store, 1, TODAY, error)) != NULL;
}

static const Operation operations[] = {
  { "open-new", TEMPLATE_NONE, FALSE, NULL, run_open },
  { "open", TEMPLATE_SAMPLE, FALSE, NULL, run_open },
  { "open-migrate", TEMPLATE_V1, FALSE, NULL, run_open },
  { "close", TEMPLATE_SAMPLE, TRUE, setup_close, run_close },
  { "add-person", TEMPLATE_SAMPLE, TRUE, NULL, run_add_person },
  { "add-person-checkpoint", TEMPLATE_SAMPLE, TRUE, setup_checkpoint_often, run_add_person },
  { "update-person", TEMPLATE_SAMPLE, TRUE, NULL, run_update_person },
  { "transaction", TEMPLATE_SAMPLE, TRUE, NULL, run_transaction },
  { "status", TEMPLATE_SAMPLE, TRUE, setup_status, run_status },
  { "delete-person", TEMPLATE_SAMPLE, TRUE, NULL, run_delete_person },
  { "purge", TEMPLATE_SAMPLE, TRUE, setup_purge, run_purge },
  { "profile", TEMPLATE_SAMPLE, TRUE, NULL, run_profile },
  { "save-draft", TEMPLATE_SAMPLE, TRUE, setup_draft, run_save_draft },
  { "save-capture", TEMPLATE_SAMPLE, TRUE, setup_draft, run_save_capture },
  { "import-vcard", TEMPLATE_SAMPLE, TRUE, NULL, run_import_vcard },
  { "import-json", TEMPLATE_EMPTY, TRUE, NULL, run_import_json },
  { "backup", TEMPLATE_SAMPLE, TRUE, setup_copy, run_backup },
  { "backup-now", TEMPLATE_SAMPLE, TRUE, setup_backup_now, run_backup_now },
  { "restore", TEMPLATE_SAMPLE, FALSE, setup_restore, run_restore, NULL },
  { "read", TEMPLATE_SAMPLE, TRUE, setup_read, run_read },
};

/* ---- The sweep ------------------------------------------------------------ */

static Case *
case_new (const Operation *op)
{
  Case *c = g_new0 (Case, 1);

  c->dir = robust_scratch_dir (op->name);
  c->path = g_build_filename (c->dir, "netbook.db", NULL);

  if (op->template != TEMPLATE_NONE)
    test_write_file (c->path, g_bytes_get_data (templates[op->template], NULL),
                     g_bytes_get_size (templates[op->template]));

  if (op->open_store)
    {
      g_autoptr(GError) error = NULL;

      c->store = nb_store_open (c->path, &error);
      g_assert_no_error (error);
    }

  if (op->setup != NULL)
    op->setup (c);

  return c;
}

static void
case_remove (Case *c)
{
  g_clear_object (&c->store);
  robust_remove_tree (c->dir);
}

static void
check_error (const Operation *op,
             NbFaultKind      kind,
             const char      *label,
             const GError    *error)
{
  g_autofree char *key = NULL;

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 20);

  if (error->domain == NB_STORE_ERROR)
    {
      /* An I/O failure must never be reported as damage: the user would
       * be told to restore a backup of a healthy notebook. */
      if (error->code == NB_STORE_ERROR_CORRUPT || error->code == NB_STORE_ERROR_NOT_DATABASE ||
          error->code == NB_STORE_ERROR_FOREIGN || error->code == NB_STORE_ERROR_TOO_NEW ||
          error->code == NB_STORE_ERROR_INVALID || error->code == NB_STORE_ERROR_NOT_FOUND)
        g_error ("%s: misreported as error %d: %s", label, error->code, error->message);
    }
  else
    {
      g_assert_true (error->domain == G_IO_ERROR);
    }

  key = g_strdup_printf ("%s, %s: [%s %d] %s", op->name, nb_fault_kind_to_string (kind),
                         g_quark_to_string (error->domain), error->code, error->message);
  g_hash_table_add (messages, g_steal_pointer (&key));
}

/* Closed, the notebook holds what the last snapshot saw; it opens again
 * and still does (but for deleted rows, purged when it opens). */
static void
assert_reopens (Case       *c,
                GHashTable *expected,
                const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *reopened = NULL;
  gint64 n_deleted;
  sqlite3 *db;

  g_clear_object (&c->store);
  if (!g_file_test (c->path, G_FILE_TEST_EXISTS))
    return;

  closed = robust_fingerprint (c->path);
  if (!g_str_equal (closed, lookup (expected, "netbook.db")))
    g_error ("%s: closed, the notebook is “%s”, not “%s”",
             label, closed, lookup (expected, "netbook.db"));

  db = test_sqlite_open (c->path);
  n_deleted = test_sqlite_int (db, "SELECT (SELECT count (*) FROM people WHERE deleted <> 0)"
                                   " + (SELECT count (*) FROM entries WHERE deleted <> 0)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = nb_store_open (c->path, &error);
  if (store == NULL)
    g_error ("%s: the notebook does not open again: %s", label, error->message);
  robust_assert_models (store);
  g_clear_object (&store);

  robust_assert_integrity (c->path);
  reopened = robust_fingerprint (c->path);
  if (n_deleted == 0 && !g_str_equal (reopened, closed))
    g_error ("%s: reopened, the notebook is “%s”, not “%s”", label, reopened, closed);
}

static void
run_case (const Operation *op,
          GHashTable      *expected_before,
          GHashTable      *expected_after,
          NbFaultKind      kind,
          guint            n,
          gboolean         persistent)
{
  g_autoptr(Case) c = case_new (op);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) mid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf ("%s, %s fault at %u%s", op->name,
                                            nb_fault_kind_to_string (kind), n,
                                            persistent ? " and after" : "");
  gboolean ok;

  if (g_test_verbose ())
    g_test_message ("%s", label);

  /* Every case starts as the dry run did (checked there). */
  before = g_hash_table_ref (expected_before);

  nb_fault_vfs_reset ();
  nb_fault_vfs_arm (kind, n, persistent);
  ok = op->run (c, &error);
  nb_fault_vfs_disarm ();
  n_cases++;

  if (ok)
    g_assert_no_error (error);
  else
    check_error (op, kind, label, error);

  mid = snapshot (c);
  assert_all_or_nothing (label, mid, before, expected_after);
  if (c->store != NULL)
    robust_assert_models (c->store);

  if (ok && !snapshots_equal (mid, expected_after))
    g_error ("%s: reported success, but the files are not as after a successful run", label);

  /* Other files may differ (a copy taken before migrating, a safety
   * copy before restoring): what counts is the notebook. */
  if (!ok && g_str_equal (lookup (mid, "netbook.db"), lookup (before, "netbook.db")))
    {
      g_autoptr(GHashTable) retried = NULL;
      g_autoptr(GError) retry_error = NULL;

      /* The user tries again, with the same store. */
      if (!op->run (c, &retry_error))
        g_error ("%s: retrying without the fault failed: %s", label, retry_error->message);
      retried = snapshot (c);
      if (c->store != NULL)
        robust_assert_models (c->store);
      if (!g_str_equal (lookup (retried, "netbook.db"), lookup (expected_after, "netbook.db")))
        g_error ("%s: after a retry the notebook is “%s”, not “%s”", label,
                 lookup (retried, "netbook.db"), lookup (expected_after, "netbook.db"));
      assert_reopens (c, retried, label);
    }
  else
    {
      /* Failed, yet its effect is there: a sync failed after the data
       * reached the disk. Nothing is lost; a retry could repeat it. */
      if (!ok)
        {
          n_ambiguous++;
          g_test_message ("%s: failed, yet done: %s", label, error->message);
        }
      assert_reopens (c, mid, label);
    }

  case_remove (c);
}

typedef struct {
  NbFaultKind kind;
  guint       n;
  gboolean    persistent;
} Fault;

/* Every fault the operation can meet, in a random order (the seed is in
 * the log): fast mode runs as many as its time allows, long mode all. */
static GArray *
all_faults (const guint *counts)
{
  GArray *faults = g_array_new (FALSE, FALSE, sizeof (Fault));

  for (NbFaultKind kind = 0; kind < NB_FAULT_N_KINDS; kind++)
    for (guint n = 1; n <= counts[kind]; n++)
      for (guint persistent = 0; persistent < 2; persistent++)
        {
          Fault f = { kind, n, persistent };

          g_array_append_val (faults, f);
        }

  for (guint i = faults->len; i > 1; i--)
    {
      guint j = (guint) g_test_rand_int_range (0, (gint32) i);
      Fault tmp = g_array_index (faults, Fault, i - 1);

      g_array_index (faults, Fault, i - 1) = g_array_index (faults, Fault, j);
      g_array_index (faults, Fault, j) = tmp;
    }

  return faults;
}

/* Fast mode's time for one operation's faults. Under sanitizers (and
 * LSan's slow unwinding on every malloc) a case takes ten times longer. */
static gint64
time_budget_us (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return 2 * G_USEC_PER_SEC;
#else
  return 3 * G_USEC_PER_SEC;
#endif
}

static void
test_operation (gconstpointer data)
{
  const Operation *op = data;
  g_autoptr(Case) dry = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faults = NULL;
  guint counts[NB_FAULT_N_KINDS];
  guint cases_before = n_cases;
  gint64 deadline;

  if (op->known_bug != NULL && g_strcmp0 (g_getenv ("NETBOOK_TEST_KNOWN_BUGS"), "1") != 0)
    {
      g_test_skip (op->known_bug);
      return;
    }

  /* The dry run: how much I/O, and what success looks like. */
  dry = case_new (op);
  before = snapshot (dry);
  {
    g_autoptr(Case) again = case_new (op);
    g_autoptr(GHashTable) again_before = snapshot (again);

    /* The cases start from there without looking again. */
    g_assert_true (snapshots_equal (before, again_before));
    case_remove (again);
  }
  nb_fault_vfs_reset ();
  if (!op->run (dry, &error))
    g_error ("%s without faults: %s", op->name, error->message);
  for (guint k = 0; k < NB_FAULT_N_KINDS; k++)
    counts[k] = nb_fault_vfs_get_count (k);
  after = snapshot (dry);
  g_clear_object (&dry->store);
  case_remove (dry);

  g_test_message ("%s: %u reads, %u writes, %u syncs", op->name,
                  counts[NB_FAULT_READ], counts[NB_FAULT_WRITE], counts[NB_FAULT_SYNC]);

  faults = all_faults (counts);
  deadline = g_get_monotonic_time () + time_budget_us ();
  for (guint i = 0; i < faults->len; i++)
    {
      const Fault *f = &g_array_index (faults, Fault, i);

      /* At least a few, however slow the machine. */
      if (!robust_long_mode () && i >= 4 && g_get_monotonic_time () > deadline)
        break;
      run_case (op, before, after, f->kind, f->n, f->persistent);
    }

  g_test_message ("%s: %u of %u cases", op->name, n_cases - cases_before, faults->len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The messages users would see, once each, for review in the log. */
static void
test_messages (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, messages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (list, key);
  g_ptr_array_sort (list, compare_strings);
  for (guint i = 0; i < list->len; i++)
    g_test_message ("%s", (const char *) list->pdata[i]);

  g_test_message ("%u cases, %u failed after their data was written", n_cases, n_ambiguous);
}

static GBytes *
make_template (Template template)
{
  g_autofree char *dir = robust_scratch_dir ("template");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  switch (template)
    {
    case TEMPLATE_SAMPLE:
      robust_make_sample (path, 5);
      break;
    case TEMPLATE_V1:
      robust_make_v1 (path);
      break;
    case TEMPLATE_EMPTY:
      {
        g_autoptr(NbStore) store = nb_store_open (path, &error);

        g_assert_no_error (error);
      }
      break;
    case TEMPLATE_NONE:
    default:
      g_assert_not_reached ();
    }

  /* Whole, with no WAL beside it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return test_read_file (path);
}

static GBytes *
make_json_export (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  test_fill_sample (store);
  nb_json_export (store, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  /* Thousands of fsyncs: on a tmpfs where permitted. The fault VFS, not
   * the disk, is what fails here. */
  if (robust_private_mounts ())
    {
      g_autofree char *dir = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "robust", NULL);

      robust_mount_tmpfs (dir, "512m");
    }

  nb_fault_vfs_install ();
  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  templates[TEMPLATE_SAMPLE] = make_template (TEMPLATE_SAMPLE);
  templates[TEMPLATE_V1] = make_template (TEMPLATE_V1);
  templates[TEMPLATE_EMPTY] = make_template (TEMPLATE_EMPTY);
  json_export = make_json_export ();

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/robust/faults/%s", operations[i].name);

      g_test_add_data_func (name, &operations[i], test_operation);
    }
  g_test_add_func ("/robust/faults/messages", test_messages);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    g_clear_pointer (&templates[i], g_bytes_unref);
  g_clear_pointer (&json_export, g_bytes_unref);
  g_clear_pointer (&messages, g_hash_table_unref);

  return status;
}
