/* test-crash.c: writers killed with SIGKILL at random moments.
 *
 * Each round forks two writers on one notebook. They do what the app
 * and netbook-cli do (add people, people with entries in one
 * transaction, notes, status changes, capture drafts and whole
 * captures, card edits, backups), each on its own objects, and write to
 * a pipe, before each operation, what they are about to do ("I …") and,
 * once the store said it was done, that it is ("D …"). After a random
 * delay both are killed with SIGKILL. Then the notebook must open, pass
 * integrity_check, hold every write reported done exactly as written,
 * hold the one write that was under way either whole or not at all, and
 * hold nothing else. Some rounds kill a writer while it creates the
 * notebook, or while it migrates an old one.
 *
 * Every round's writes are checked again at the end: nothing done is
 * lost later. NETBOOK_LONG_TESTS=1 runs many more rounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "robust-util.h"

#define N_WRITERS 2

typedef struct {
  guint       round;
  char       *path;
  /* What must hold: key → allowed values ("a|b"), built from the
   * writers' records. */
  GHashTable *allowed;
  /* Objects this round may have created, and how many are there. */
  guint       n_people_min;
  guint       n_people_max;
} Round;

static GPtrArray *rounds;  /* Round* */
static guint n_kills;
static guint n_done_ops;
static guint n_stray_files;

/* ---- The writer (a child process) ---------------------------------------- */

static void
say (int         fd,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
say (int         fd,
     const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* One write of less than PIPE_BUF: atomic, never half a line. */
  len = strlen (line);
  g_assert (len < 512);
  while (write (fd, line, len) < 0 && errno == EINTR)
    ;
}

G_GNUC_NORETURN static void
writer_fail (int           fd,
             const char   *what,
             const GError *error)
{
  g_autofree char *message = g_strdup (error != NULL ? error->message : "?");

  g_strdelimit (message, "\n", ' ');
  say (fd, "E %s: %.400s\n", what, message);
  _exit (3);
}

static gboolean
add_tx (NbStore   *store,
        gpointer   user_data,
        GError   **error)
{
  const char *token = ((const char **) user_data)[0];
  gint64 *ids = ((gint64 **) user_data)[1];
  g_autofree char *name = g_strdup_printf ("T %s", token);
  g_autoptr(NbPerson) person = nb_person_new (name);
  gint64 id;

  id = nb_store_add_person (store, person, error);
  if (id == 0)
    return FALSE;
  ids[0] = id;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s e%u", token, i);
      g_autoptr(NbEntry) entry = nb_entry_new (i < 3 ? NB_ENTRY_MEETING : NB_ENTRY_FOLLOW_UP,
                                               id, "2024-05-20", text);

      if (i == 3)
        nb_entry_set_due (entry, "2024-06-01");
      ids[i] = nb_store_add_entry (store, entry, error);
      if (ids[i] == 0)
        return FALSE;
    }

  return TRUE;
}

G_GNUC_NORETURN static void
writer_main (const char *path,
             const char *dir,
             guint       writer,
             guint       round,
             guint32     seed,
             int         fd)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) followups = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) drafts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strdup_printf ("%s/copy-w%u.db", dir, writer);
  NbStore *store;

  store = nb_store_open (path, &error);
  if (store == NULL)
    writer_fail (fd, "open", error);
  say (fd, "O\n");

  for (guint op = 0; op < 10000; op++)
    {
      g_autofree char *token = g_strdup_printf ("w%u-r%u-o%u", writer, round, op);
      guint pick = (guint) g_rand_int_range (rand, 0, 100);

      if (pick < 20)
        {
          g_autofree char *name = g_strdup_printf ("P %s", token);
          g_autoptr(NbPerson) person = nb_person_new (name);
          const char *tags[] = { "crash", "test", NULL };
          gint64 id;

          nb_person_set_tags (person, tags);
          say (fd, "I person %s\n", token);
          id = nb_store_add_person (store, person, &error);
          if (id == 0)
            writer_fail (fd, "add person", error);
          g_array_append_val (people, id);
          say (fd, "D person %s %" G_GINT64_FORMAT "\n", token, id);
        }
      else if (pick < 35)
        {
          gint64 ids[4] = { 0 };
          gpointer data[2] = { token, ids };

          say (fd, "I tx %s\n", token);
          if (!nb_store_transaction (store, add_tx, data, &error))
            writer_fail (fd, "transaction", error);
          g_array_append_val (people, ids[0]);
          g_array_append_val (followups, ids[3]);
          say (fd, "D tx %s %" G_GINT64_FORMAT "\n", token, ids[0]);
        }
      else if (pick < 48 && people->len > 0)
        {
          gint64 person_id = g_array_index (people, gint64, g_rand_int_range (rand, 0, (gint32) people->len));
          g_autofree char *text = g_strdup_printf ("N %s", token);
          g_autoptr(NbEntry) entry = nb_entry_new (NB_ENTRY_NOTE, person_id, "2024-05-21", text);

          say (fd, "I note %s %" G_GINT64_FORMAT "\n", token, person_id);
          if (nb_store_add_entry (store, entry, &error) == 0)
            writer_fail (fd, "add note", error);
          say (fd, "D note %s %" G_GINT64_FORMAT "\n", token, person_id);
        }
      else if (pick < 60 && followups->len > 0)
        {
          gint64 entry_id = g_array_index (followups, gint64, g_rand_int_range (rand, 0, (gint32) followups->len));
          NbStatus status = g_rand_boolean (rand) ? NB_STATUS_DONE : NB_STATUS_OPEN;
          const char *name = nb_status_to_string (status);

          say (fd, "I status %" G_GINT64_FORMAT " %s\n", entry_id, name);
          if (!nb_store_set_entry_status (store, entry_id, status, &error))
            writer_fail (fd, "set status", error);
          say (fd, "D status %" G_GINT64_FORMAT " %s\n", entry_id, name);
        }
      else if (pick < 70)
        {
          g_autofree char *body = g_strdup_printf ("D %s", token);
          g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new ("Mixer", "2024-05-21", "", body);
          gint64 id;

          say (fd, "I draft %s\n", token);
          id = nb_store_save_capture_draft (store, draft, &error);
          if (id == 0)
            writer_fail (fd, "save draft", error);
          g_array_append_val (drafts, id);
          say (fd, "D draft %s %" G_GINT64_FORMAT "\n", token, id);
        }
      else if (pick < 80 && drafts->len > 0)
        {
          gint64 id = g_array_index (drafts, gint64, g_rand_int_range (rand, 0, (gint32) drafts->len));
          g_autofree char *body = g_strdup_printf ("R %s", token);
          g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new ("Mixer", "2024-05-21", "", body);

          draft->id = id;
          say (fd, "I redraft %" G_GINT64_FORMAT " %s\n", id, token);
          if (nb_store_save_capture_draft (store, draft, &error) != id)
            writer_fail (fd, "save draft again", error);
          say (fd, "D redraft %" G_GINT64_FORMAT " %s\n", id, token);
        }
      else if (pick < 88)
        {
          g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_line_free);
          g_autofree char *event = g_strdup_printf ("E %s", token);
          g_autofree char *line_a = g_strdup_printf ("C %s a (Acme): wants referrals #crash", token);
          g_autofree char *line_b = g_strdup_printf ("C %s b: needs a bookkeeper !2024-06-01", token);

          g_ptr_array_add (lines, nb_capture_parse_line (line_a, "2024-05-21"));
          g_ptr_array_add (lines, nb_capture_parse_line (line_b, "2024-05-21"));
          say (fd, "I capture %s\n", token);
          if (nb_store_save_capture (store, event, "2024-05-21", "Town hall", lines, 0, NULL, &error) == 0)
            writer_fail (fd, "save capture", error);
          say (fd, "D capture %s\n", token);
        }
      else if (pick < 97 && people->len > 0)
        {
          gint64 person_id = g_array_index (people, gint64, g_rand_int_range (rand, 0, (gint32) people->len));
          g_autoptr(NbPerson) person = nb_store_get_person (store, person_id, &error);
          g_autofree char *company = g_strdup_printf ("Co %s", token);

          if (person == NULL)
            writer_fail (fd, "get person", error);
          nb_person_set_field (person, NB_PERSON_COMPANY, company);
          say (fd, "I company %" G_GINT64_FORMAT " %s\n", person_id, token);
          if (!nb_store_update_person (store, person, &error))
            writer_fail (fd, "update person", error);
          say (fd, "D company %" G_GINT64_FORMAT " %s\n", person_id, token);
        }
      else
        {
          say (fd, "I backup %s\n", token);
          if (!nb_store_backup (store, copy, &error))
            writer_fail (fd, "backup", error);
          say (fd, "D backup %s\n", token);
        }
    }

  /* Never reached in practice: the parent kills first. No cleanup, no
   * leak check: a process that ends like a killed one. */
  _exit (0);
}

/* ---- Checking ------------------------------------------------------------ */

static void
allow (GHashTable *allowed,
       const char *key,
       const char *value,
       gboolean    replace)
{
  const char *old = g_hash_table_lookup (allowed, key);

  if (replace || old == NULL)
    g_hash_table_replace (allowed, g_strdup (key), g_strdup (value));
  else
    g_hash_table_replace (allowed, g_strdup (key), g_strconcat (old, "|", value, NULL));
}

/* Reads one writer's records into @r; fails the test if the writer
 * reported an error. */
static void
take_records (Round      *r,
              const char *records,
              guint       writer)
{
  g_auto(GStrv) lines = g_strsplit (records, "\n", -1);
  const char *in_flight = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      const char *kind;

      if (f[0] == NULL || *f[0] == '\0' || g_str_equal (f[0], "O"))
        continue;
      if (g_str_equal (f[0], "E"))
        g_error ("round %u, writer %u failed: %s", r->round, writer, lines[i] + 2);

      g_assert_nonnull (f[1]);
      kind = f[1];

      if (g_str_equal (f[0], "I"))
        {
          in_flight = lines[i];
          continue;
        }

      g_assert_true (g_str_equal (f[0], "D"));
      in_flight = NULL;
      n_done_ops++;

      if (g_str_equal (kind, "person") || g_str_equal (kind, "tx"))
        {
          g_autofree char *key = g_strdup_printf ("%s %s", kind, f[2]);

          allow (r->allowed, key, f[3], TRUE);
          r->n_people_min++;
          r->n_people_max++;
        }
      else if (g_str_equal (kind, "note"))
        {
          g_autofree char *key = g_strdup_printf ("%s %s", kind, f[2]);

          allow (r->allowed, key, "present", TRUE);
        }
      else if (g_str_equal (kind, "draft"))
        {
          /* By its id: it may be saved again with another body. */
          g_autofree char *key = g_strdup_printf ("body %s", f[3]);
          g_autofree char *body = g_strdup_printf ("D %s", f[2]);

          allow (r->allowed, key, body, TRUE);
        }
      else if (g_str_equal (kind, "redraft"))
        {
          g_autofree char *key = g_strdup_printf ("body %s", f[2]);
          g_autofree char *body = g_strdup_printf ("R %s", f[3]);

          allow (r->allowed, key, body, TRUE);
        }
      else if (g_str_equal (kind, "status"))
        {
          g_autofree char *key = g_strdup_printf ("status %s", f[2]);

          allow (r->allowed, key, f[3], TRUE);
        }
      else if (g_str_equal (kind, "capture"))
        {
          g_autofree char *key = g_strdup_printf ("capture %s", f[2]);

          allow (r->allowed, key, "present", TRUE);
          r->n_people_min += 2;
          r->n_people_max += 2;
        }
      else if (g_str_equal (kind, "company"))
        {
          g_autofree char *key = g_strdup_printf ("company %s", f[2]);
          g_autofree char *company = g_strdup_printf ("Co %s", f[3]);

          allow (r->allowed, key, company, TRUE);
        }
      else if (g_str_equal (kind, "backup"))
        {
          /* Checked as a file: whole, or the older copy. */
        }
      else
        {
          g_error ("unknown record “%s”", lines[i]);
        }
    }

  if (in_flight != NULL)
    {
      g_auto(GStrv) f = g_strsplit (in_flight, " ", -1);
      const char *kind = f[1];
      g_autofree char *key = NULL;

      /* Under way when killed: either way is right, but only whole. */
      if (g_str_equal (kind, "person") || g_str_equal (kind, "tx"))
        {
          key = g_strdup_printf ("%s %s", kind, f[2]);
          allow (r->allowed, key, "absent", FALSE);
          allow (r->allowed, key, "any", FALSE);
          r->n_people_max++;
        }
      else if (g_str_equal (kind, "note") || g_str_equal (kind, "draft") ||
               g_str_equal (kind, "capture"))
        {
          key = g_strdup_printf ("%s %s", kind, f[2]);
          allow (r->allowed, key, "absent", FALSE);
          allow (r->allowed, key, "present", FALSE);
          if (g_str_equal (kind, "capture"))
            r->n_people_max += 2;
        }
      else if (g_str_equal (kind, "redraft"))
        {
          g_autofree char *body = g_strdup_printf ("R %s", f[3]);

          key = g_strdup_printf ("body %s", f[2]);
          allow (r->allowed, key, body, FALSE);
        }
      else if (g_str_equal (kind, "status"))
        {
          key = g_strdup_printf ("status %s", f[2]);
          /* The entry came from a transaction: open unless changed. */
          if (!g_hash_table_contains (r->allowed, key))
            allow (r->allowed, key, "open", FALSE);
          allow (r->allowed, key, f[3], FALSE);
        }
      else if (g_str_equal (kind, "company"))
        {
          g_autofree char *company = g_strdup_printf ("Co %s", f[3]);

          key = g_strdup_printf ("company %s", f[2]);
          if (!g_hash_table_contains (r->allowed, key))
            allow (r->allowed, key, "", FALSE);
          allow (r->allowed, key, company, FALSE);
        }
    }
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup ("absent");
  sqlite3_finalize (stmt);

  return result;
}

static gint64
query_count (sqlite3    *db,
             const char *sql,
             const char *arg)
{
  g_autofree char *text = query_text (db, sql, arg);

  return g_ascii_strtoll (text, NULL, 10);
}

/* What the notebook holds for @key, in the terms of take_records(). */
static char *
observe (sqlite3    *db,
         const char *key)
{
  g_auto(GStrv) f = g_strsplit (key, " ", 2);
  const char *kind = f[0];
  const char *arg = f[1];

  if (g_str_equal (kind, "person"))
    {
      g_autofree char *name = g_strdup_printf ("P %s", arg);
      g_autofree char *id = query_text (db, "SELECT id FROM people WHERE display_name = ?1", name);

      if (!g_str_equal (id, "absent"))
        /* Added with its tags, or not at all. */
        g_assert_cmpint (query_count (db, "SELECT count (*) FROM tags WHERE person_id = ?1", id), ==, 2);
      return g_steal_pointer (&id);
    }
  if (g_str_equal (kind, "tx"))
    {
      g_autofree char *name = g_strdup_printf ("T %s", arg);
      g_autofree char *pattern = g_strdup_printf ("%s e_", arg);
      g_autofree char *id = query_text (db, "SELECT id FROM people WHERE display_name = ?1", name);
      gint64 n_entries = query_count (db, "SELECT count (*) FROM entries WHERE text LIKE ?1", pattern);

      /* The person and their three entries, or nothing. */
      g_assert_cmpint (n_entries, ==, g_str_equal (id, "absent") ? 0 : 3);
      return g_steal_pointer (&id);
    }
  if (g_str_equal (kind, "note"))
    {
      g_autofree char *text = g_strdup_printf ("N %s", arg);

      return query_count (db, "SELECT count (*) FROM entries WHERE text = ?1", text) == 1
             ? g_strdup ("present") : g_strdup ("absent");
    }
  if (g_str_equal (kind, "draft"))
    {
      g_autofree char *body = g_strdup_printf ("D %s", arg);

      /* A new draft under way when killed (the writer never learnt its
       * id, so never saved it again). */
      return query_count (db, "SELECT count (*) FROM capture_drafts WHERE body = ?1", body) == 1
             ? g_strdup ("present") : g_strdup ("absent");
    }
  if (g_str_equal (kind, "body"))
    return query_text (db, "SELECT body FROM capture_drafts WHERE id = ?1", arg);
  if (g_str_equal (kind, "status"))
    return query_text (db, "SELECT status FROM entries WHERE id = ?1", arg);
  if (g_str_equal (kind, "company"))
    return query_text (db, "SELECT company FROM people WHERE id = ?1", arg);
  if (g_str_equal (kind, "capture"))
    {
      g_autofree char *event = g_strdup_printf ("E %s", arg);
      g_autofree char *pattern = g_strdup_printf ("C %s _", arg);
      gint64 n_events = query_count (db, "SELECT count (*) FROM events WHERE name = ?1", event);
      gint64 n_people = query_count (db, "SELECT count (*) FROM people WHERE display_name LIKE ?1", pattern);
      gint64 n_attendees = query_count (db,
                                        "SELECT count (*) FROM event_people ep JOIN events e"
                                        " ON e.id = ep.event_id WHERE e.name = ?1", event);
      gint64 n_entries = query_count (db,
                                      "SELECT count (*) FROM entries en JOIN events e"
                                      " ON e.id = en.event_id WHERE e.name = ?1", event);

      /* The event, both people, both attendances, both conversations
       * and the follow-up, or nothing. */
      g_assert_cmpint (n_events, <=, 1);
      g_assert_cmpint (n_people, ==, 2 * n_events);
      g_assert_cmpint (n_attendees, ==, 2 * n_events);
      g_assert_cmpint (n_entries, ==, 3 * n_events);
      return g_strdup (n_events == 1 ? "present" : "absent");
    }

  g_error ("unknown key %s", key);
}

static gboolean
value_allowed (const char *allowed,
               const char *value)
{
  g_auto(GStrv) values = g_strsplit (allowed, "|", -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_str_equal (values[i], value))
        return TRUE;
      /* A person or transaction under way: any id, or none. */
      if (g_str_equal (values[i], "any") && !g_str_equal (value, "absent"))
        return TRUE;
    }

  return FALSE;
}

static void
check_round (Round   *r,
             sqlite3 *db)
{
  g_autofree char *pattern = g_strdup_printf ("%%-r%u-%%", r->round);
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gint64 n_people;

  g_hash_table_iter_init (&iter, r->allowed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *seen = observe (db, key);

      if (!value_allowed (value, seen))
        g_error ("round %u: %s is “%s”, expected “%s”", r->round,
                 (const char *) key, seen, (const char *) value);
    }

  /* Nothing that nobody wrote. */
  n_people = query_count (db, "SELECT count (*) FROM people WHERE display_name LIKE ?1", pattern);
  g_assert_cmpint (n_people, >=, r->n_people_min);
  g_assert_cmpint (n_people, <=, r->n_people_max);
}

/* A backup a writer was making when killed: the older copy or a whole
 * new one, never half a file. */
static void
check_copies (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "copy-") && g_str_has_suffix (name, ".db"))
        {
          sqlite3 *db;

          robust_assert_integrity (full);
          db = test_sqlite_open (full);
          g_assert_cmpint (test_sqlite_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
          g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
        }

    }
}

/* Temporary files of creations or backups killed halfway: harmless,
 * but nobody removes them. Counted for the log, and removed with
 * @remove (each is as large as the notebook: hundreds of rounds of
 * killed backups would fill the test's tmpfs). */
static guint
count_stray_files (const char *dir,
                   gboolean    remove)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      {
        n++;
        if (remove)
          {
            g_autofree char *path = g_build_filename (dir, name, NULL);

            g_assert_cmpint (g_unlink (path), ==, 0);
          }
      }

  return n;
}

static void
round_free (Round *r)
{
  g_free (r->path);
  g_hash_table_unref (r->allowed);
  g_free (r);
}

/* Reads up to the end of the first line (the writer opened the store,
 * or says why not). */
static void
read_first_line (int      fd,
                 GString *records)
{
  char c;
  gssize n;

  while ((n = read (fd, &c, 1)) > 0 || (n < 0 && errno == EINTR))
    {
      if (n <= 0)
        continue;
      g_string_append_c (records, c);
      if (c == '\n')
        break;
    }
}

/* Forks the writers, lets them run for @delay_us (after they opened the
 * store if @after_open), kills them. */
static void
run_writers (Round    *r,
             guint     n_writers,
             gboolean  after_open,
             gulong    delay_us)
{
  g_autofree char *dir = g_path_get_dirname (r->path);
  GString *records[N_WRITERS];
  GPid pids[N_WRITERS];
  int fds[N_WRITERS];

  g_assert_cmpuint (n_writers, <=, N_WRITERS);

  for (guint w = 0; w < n_writers; w++)
    {
      int pipe_fds[2];
      guint32 seed = (guint32) g_test_rand_int ();

      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      pids[w] = fork ();
      g_assert_cmpint (pids[w], >=, 0);
      if (pids[w] == 0)
        {
          close (pipe_fds[0]);
          writer_main (r->path, dir, w, r->round, seed, pipe_fds[1]);
        }
      close (pipe_fds[1]);
      fds[w] = pipe_fds[0];
      records[w] = g_string_new (NULL);
    }

  if (after_open)
    for (guint w = 0; w < n_writers; w++)
      read_first_line (fds[w], records[w]);

  g_usleep (delay_us);

  for (guint w = 0; w < n_writers; w++)
    {
      g_autoptr(GString) records_w = records[w];
      char buffer[4096];
      gssize n;
      int status = 0;

      kill (pids[w], SIGKILL);
      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      n_kills++;

      while ((n = read (fds[w], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
          g_string_append_len (records_w, buffer, n);
      close (fds[w]);

      /* A writer that failed says why ("E …") here. */
      take_records (r, records_w->str, w);

      /* Killed by us, or done: never a crash or an abort of its own. */
      if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) &&
          !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
        g_error ("round %u: writer %u ended with status 0x%x:\n%s", r->round, w, status, records_w->str);
    }
}

static Round *
round_new (const char *path)
{
  Round *r = g_new0 (Round, 1);

  r->round = rounds->len;
  r->path = g_strdup (path);
  r->allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_ptr_array_add (rounds, r);

  return r;
}

/* Opens the notebook the way the app does (recovery included), then
 * checks everything on a connection of its own. */
static void
verify (const char *path,
        guint       first_round)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Killed before the notebook was linked into place: nothing was
       * reported done, and nothing half-made is at the name. */
      for (guint i = first_round; i < rounds->len; i++)
        {
          Round *r = rounds->pdata[i];

          if (g_str_equal (r->path, path))
            g_assert_cmpuint (r->n_people_min, ==, 0);
        }
      return;
    }

  store = nb_store_open (path, &error);
  if (store == NULL)
    g_error ("the notebook does not open after a crash: %s", error->message);
  robust_assert_models (store);
  g_clear_object (&store);

  robust_assert_integrity (path);
  check_copies (dir);

  db = test_sqlite_open (path);
  for (guint i = first_round; i < rounds->len; i++)
    {
      Round *r = rounds->pdata[i];

      if (g_str_equal (r->path, path))
        check_round (r, db);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Fast mode: rounds until @seconds have passed (at least @min_rounds);
 * long mode: @long_rounds. */
static gboolean
keep_going (guint   round,
            gint64  start,
            guint   seconds,
            guint   min_rounds,
            guint   long_rounds)
{
  if (robust_long_mode ())
    return round < long_rounds;

  return round < min_rounds ||
         (round < long_rounds && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC);
}

/* Up to 100 ms after both opened the notebook: a writer does a few
 * dozen operations in that time. */
static gulong
random_delay (void)
{
  return (gulong) g_test_rand_int_range (0, 100000);
}

static void
test_writers (void)
{
  g_autofree char *dir = robust_scratch_dir ("crash");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  guint first = rounds->len;

  gint64 start = g_get_monotonic_time ();
  guint i;

  robust_make_sample (path, 0);

  for (i = 0; keep_going (i, start, 25, 8, 600); i++)
    {
      Round *r = round_new (path);

      run_writers (r, N_WRITERS, TRUE, random_delay ());
      verify (path, r->round);
      n_stray_files += count_stray_files (dir, TRUE);
    }

  /* Nothing reported done was lost by a later crash. */
  verify (path, first);
  g_test_message ("%u rounds, %u writers killed, %u operations done before the kills",
                  i, n_kills, n_done_ops);
  g_test_message ("%u temporary files left by killed backups", n_stray_files);
  n_stray_files = 0;
}

/* Killed while creating the notebook: afterwards there is no notebook
 * or a whole one, never a half-made file at its name. */
static void
test_create (void)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  for (n = 0; keep_going (n, start, 8, 5, 200); n++)
    {
      g_autofree char *dir = robust_scratch_dir ("create");
      g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
      Round *r = round_new (path);

      run_writers (r, 1, FALSE, (gulong) g_test_rand_int_range (0, 40000));
      verify (path, r->round);
      n_stray_files += count_stray_files (dir, FALSE);
    }

  g_test_message ("%u of %u killed creations left a temporary file", n_stray_files, n);
}

/* Killed while migrating an old notebook: it opens afterwards, migrated
 * or not, with all its data; a copy taken before migrating is whole. */
static void
test_migrate (void)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; keep_going (i, start, 8, 5, 200); i++)
    {
      g_autofree char *dir = robust_scratch_dir ("migrate");
      g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
      g_autofree char *bak = g_strdup_printf ("%s.before-v%d.bak", path, NB_STORE_SCHEMA_VERSION);
      g_autofree char *v1 = NULL;
      Round *r;
      sqlite3 *db;

      robust_make_v1 (path);
      db = test_sqlite_open (path);
      v1 = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                            test_sqlite_int (db, "SELECT count (*) FROM people"),
                            test_sqlite_int (db, "SELECT count (*) FROM entries"));
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

      r = round_new (path);
      run_writers (r, 1, FALSE, (gulong) g_test_rand_int_range (0, 60000));
      verify (path, r->round);

      if (g_file_test (bak, G_FILE_TEST_EXISTS))
        {
          g_autofree char *counts = NULL;

          robust_assert_integrity (bak);
          db = test_sqlite_open (bak);
          g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
          counts = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                    test_sqlite_int (db, "SELECT count (*) FROM people"),
                                    test_sqlite_int (db, "SELECT count (*) FROM entries"));
          g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
          g_assert_cmpstr (counts, ==, v1);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Many fsyncs: on a tmpfs where permitted. A process killed on a tmpfs
   * leaves what it wrote exactly as on a disk; power loss is another
   * matter, and SQLite's own job. */
  if (robust_private_mounts ())
    {
      g_autofree char *dir = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "robust", NULL);

      robust_mount_tmpfs (dir, "1g");
    }

  rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) round_free);

  g_test_add_func ("/robust/crash/writers", test_writers);
  g_test_add_func ("/robust/crash/create", test_create);
  g_test_add_func ("/robust/crash/migrate", test_migrate);

  status = g_test_run ();
  g_ptr_array_unref (rounds);

  return status;
}
