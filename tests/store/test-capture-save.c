/* test-capture-save.c: capture drafts survive a killed process, and a
 * capture is saved whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define TODAY "2026-11-20"
#define EVENT "Chamber breakfast"

static void
assert_integrity_ok (NbStore *store)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
}

static GPtrArray *
load_drafts (NbStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = nb_store_load_capture_drafts (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);
  return drafts;
}

/* ---- Drafts -------------------------------------------------------------- */

static void
test_drafts_save_load_discard (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbCaptureDraft) first = nb_capture_draft_new (EVENT, "2026-11", NULL, "Bob Haddad (Blue Har");
  g_autoptr(NbCaptureDraft) second = nb_capture_draft_new ("Rotary lunch", TODAY, "Hotel", "Priya");
  g_autoptr(NbCaptureDraft) empty = nb_capture_draft_new (NULL, " ", NULL, "\n\t");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  NbCaptureDraft *loaded;
  gint64 first_id;
  gint64 second_id;

  g_assert_true (nb_capture_draft_is_empty (empty));
  g_assert_false (nb_capture_draft_is_empty (first));

  /* A half-typed date is kept as typed. */
  first_id = nb_store_save_capture_draft (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (first->id, ==, first_id);
  g_assert_cmpint (first->created, >, 0);

  /* Saving again replaces it. */
  g_free (first->body);
  first->body = g_strdup ("Bob Haddad (Blue Harbor): wants referrals\nPriya, Spa");
  g_assert_cmpint (nb_store_save_capture_draft (store, first, &error), ==, first_id);
  g_assert_no_error (error);

  second_id = nb_store_save_capture_draft (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second_id, !=, first_id);

  drafts = load_drafts (store);
  g_assert_cmpuint (drafts->len, ==, 2);
  /* Newest first (same second: the later one). */
  g_assert_cmpint (((NbCaptureDraft *) g_ptr_array_index (drafts, 0))->id, ==, second_id);
  loaded = g_ptr_array_index (drafts, 1);
  g_assert_cmpstr (loaded->event_name, ==, EVENT);
  g_assert_cmpstr (loaded->event_date, ==, "2026-11");
  g_assert_cmpstr (loaded->place, ==, "");
  g_assert_cmpstr (loaded->body, ==, "Bob Haddad (Blue Harbor): wants referrals\nPriya, Spa");
  g_clear_pointer (&drafts, g_ptr_array_unref);

  nb_store_discard_capture_draft (store, first_id, &error);
  g_assert_no_error (error);
  /* Twice is harmless. */
  nb_store_discard_capture_draft (store, first_id, &error);
  g_assert_no_error (error);
  drafts = load_drafts (store);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* A window still typing into a discarded draft brings it back. */
  g_assert_cmpint (nb_store_save_capture_draft (store, first, &error), ==, first_id);
  g_assert_no_error (error);
  drafts = load_drafts (store);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpint (((NbCaptureDraft *) g_ptr_array_index (drafts, 0))->id, ==, first_id);
}

static void
test_drafts_refuse_bad_text (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new (EVENT, TODAY, NULL, "Bob \xff");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (nb_store_save_capture_draft (store, draft, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_cmpint (draft->id, ==, 0);
  drafts = load_drafts (store);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* ---- The kill test ------------------------------------------------------- */

typedef enum {
  KILL_SELF,        /* the child kills itself right after a save */
  KILL_WHILE_TYPING, /* the parent kills it while it saves again and again */
  KILL_WHILE_SAVING, /* the parent kills it while it saves a capture */
} KillMode;

#define N_BODY_LINES 60
#define N_CAPTURE_LINES 300

/* A draft's text at @version: every line names the version, so a torn
 * write cannot pass for a whole one. */
static char *
make_body (guint round,
           guint version)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < N_BODY_LINES; i++)
    g_string_append_printf (body, "Person %u-%u (Company %u): note of version %u #round%u !fri\n",
                            round, i, version, version, round);

  return g_string_free (body, FALSE);
}

static void
report (int   fd,
        guint version)
{
  char line[32];
  int len = g_snprintf (line, sizeof line, "%u\n", version);

  if (write (fd, line, (size_t) len) != len)
    _exit (4);
}

static void G_GNUC_NORETURN
child_main (const char *path,
            int         fd,
            KillMode    mode,
            guint       round,
            gint64      draft_id)
{
  g_autoptr(NbStore) store = nb_store_open (path, NULL);
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new (EVENT, TODAY, "Town hall", NULL);

  if (store == NULL)
    _exit (3);

  draft->id = draft_id;
  for (guint version = 1; ; version++)
    {
      g_free (draft->body);
      draft->body = make_body (round, version);
      if (nb_store_save_capture_draft (store, draft, NULL) == 0)
        _exit (5);
      report (fd, version);

      if (mode == KILL_SELF)
        raise (SIGKILL);

      if (mode == KILL_WHILE_SAVING)
        {
          g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_capture_line_free);

          for (guint i = 0; i < N_CAPTURE_LINES; i++)
            {
              g_autofree char *text = g_strdup_printf ("New Person %u (Co %u): met #capture !tomorrow", i, i);

              g_ptr_array_add (lines, nb_capture_parse_line (text, TODAY));
            }
          report (fd, 0);
          nb_store_save_capture (store, EVENT, TODAY, NULL, lines, draft->id, NULL, NULL);
          /* Saved before the kill came: say so, and wait for it. */
          close (fd);
          for (;;)
            pause ();
        }
    }
}

static gboolean
read_report (int    fd,
             guint *version)
{
  char line[32];
  gsize len = 0;

  while (len < sizeof line - 1)
    {
      ssize_t n = read (fd, line + len, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      if (line[len] == '\n')
        break;
      len++;
    }
  line[len] = '\0';
  *version = (guint) g_ascii_strtoull (line, NULL, 10);
  return TRUE;
}

/* Runs a child writing to @path and kills it; returns the last version
 * it reported saved. */
static guint
run_and_kill (const char *path,
              KillMode    mode,
              guint       round,
              gint64      draft_id)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  guint version = 0;
  guint last = 0;
  guint n_reports = 0;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      close (fds[0]);
      child_main (path, fds[1], mode, round, draft_id);
    }

  close (fds[1]);

  /* Let it get further each round, then kill it wherever it is. */
  while (read_report (fds[0], &version))
    {
      if (version > 0)
        last = version;
      n_reports++;
      if (mode == KILL_WHILE_TYPING && n_reports >= 1 + round * 3)
        break;
      /* Saving: killed at once, a little later, later, and once done. */
      if (mode == KILL_WHILE_SAVING && version == 0)
        {
          if (round == 3)
            continue;
          g_usleep (round * round * 10000);
          break;
        }
    }
  if (mode != KILL_SELF)
    kill (pid, SIGKILL);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (fds[0]);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpuint (last, >, 0);

  return last;
}

/* The draft as one whole version, at least the last one reported. */
static void
assert_draft_survived (NbStore *store,
                       gint64   draft_id,
                       guint    round,
                       guint    reported)
{
  g_autoptr(GPtrArray) drafts = load_drafts (store);
  NbCaptureDraft *draft = NULL;
  const char *marker;
  guint version;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < drafts->len; i++)
    if (((NbCaptureDraft *) g_ptr_array_index (drafts, i))->id == draft_id)
      draft = g_ptr_array_index (drafts, i);
  g_assert_nonnull (draft);

  marker = strstr (draft->body, "note of version ");
  g_assert_nonnull (marker);
  version = (guint) g_ascii_strtoull (marker + strlen ("note of version "), NULL, 10);
  g_test_message ("round %u: reported version %u, found %u", round, reported, version);
  g_assert_cmpuint (version, >=, reported);

  expected = make_body (round, version);
  g_assert_cmpstr (draft->body, ==, expected);
  g_assert_cmpstr (draft->event_name, ==, EVENT);
  g_assert_cmpstr (draft->place, ==, "Town hall");
}

static void
test_kill (gconstpointer data)
{
  KillMode mode = GPOINTER_TO_INT (data);
  g_autofree char *path = test_scratch_path ("killed.db");
  gint64 draft_id = 0;

  /* Made before the first child, so children never race to create it. */
  {
    g_autoptr(NbStore) store = nb_store_open (path, NULL);

    g_assert_nonnull (store);
  }

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GError) error = NULL;
      guint reported;

      reported = run_and_kill (path, mode, round, draft_id);

      /* The next launch. */
      store = nb_store_open (path, &error);
      g_assert_no_error (error);
      assert_integrity_ok (store);

      if (mode != KILL_WHILE_SAVING)
        {
          if (draft_id == 0)
            {
              g_autoptr(GPtrArray) drafts = load_drafts (store);

              g_assert_cmpuint (drafts->len, ==, 1);
              draft_id = ((NbCaptureDraft *) g_ptr_array_index (drafts, 0))->id;
            }
          assert_draft_survived (store, draft_id, round, reported);
          continue;
        }

      /* Killed while saving a capture: all of it, or none and the draft. */
      {
        g_autoptr(GPtrArray) drafts = load_drafts (store);
        gint64 n_events = test_sqlite_int (store->db, "SELECT count (*) FROM events");
        gint64 n_people = test_sqlite_int (store->db, "SELECT count (*) FROM people");

        g_test_message ("round %u: %" G_GINT64_FORMAT " events, %" G_GINT64_FORMAT " people",
                        round, n_events, n_people);
        g_assert_cmpint (n_people % N_CAPTURE_LINES, ==, 0);
        g_assert_cmpuint (drafts->len, <=, 1);
        /* The last round waited for the save to finish. */
        if (round == 3)
          {
            g_assert_cmpint (n_people, >=, N_CAPTURE_LINES);
            g_assert_cmpuint (drafts->len, ==, 0);
          }
        draft_id = 0;
        if (drafts->len == 1)
          {
            draft_id = ((NbCaptureDraft *) g_ptr_array_index (drafts, 0))->id;
            assert_draft_survived (store, draft_id, round, reported);
          }
        /* The event is reused: one at most, with everyone of every
         * finished save. */
        g_assert_cmpint (n_events, <=, 1);
        g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM event_people"), ==, n_people);
        g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, 2 * n_people);
      }
    }
}

/* ---- Saving a capture ----------------------------------------------------- */

typedef struct {
  guint people;
  guint entries;
  guint events;
} Signals;

static void
on_person_changed (NbStore  *store,
                   gint64    person_id,
                   NbChange  change,
                   Signals  *signals)
{
  signals->people++;
}

static void
on_entry_changed (NbStore  *store,
                  gint64    entry_id,
                  gint64    person_id,
                  gint64    other_id,
                  NbChange  change,
                  Signals  *signals)
{
  signals->entries++;
}

static void
on_event_changed (NbStore  *store,
                  gint64    event_id,
                  NbChange  change,
                  Signals  *signals)
{
  signals->events++;
}

static void
connect_signals (NbStore *store,
                 Signals *signals)
{
  g_signal_connect (store, "person-changed", G_CALLBACK (on_person_changed), signals);
  g_signal_connect (store, "entry-changed", G_CALLBACK (on_entry_changed), signals);
  g_signal_connect (store, "event-changed", G_CALLBACK (on_event_changed), signals);
}

/* Parses @text and chooses each line's person as the capture page does. */
static GPtrArray *
prepare_lines (NbStore    *store,
               const char *text)
{
  GPtrArray *lines = nb_capture_parse_text (text, TODAY);

  for (guint i = 0; i < lines->len; i++)
    {
      NbCaptureLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GPtrArray) matches = NULL;
      g_autoptr(GError) error = NULL;
      NbMatch *picked;

      if (!nb_capture_line_is_valid (line))
        continue;
      matches = nb_store_match_name (store, line->name, line->company, &error);
      g_assert_no_error (error);
      picked = nb_match_pick (matches);
      line->person_id = picked != NULL ? nb_person_get_id (picked->person) : 0;
    }

  return lines;
}

static NbEntry *
find_entry (GPtrArray   *entries,
            NbEntryKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    if (nb_entry_get_kind (g_ptr_array_index (entries, i)) == kind)
      return g_ptr_array_index (entries, i);

  return NULL;
}

static void
test_save_capture (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbPerson) robert = nb_person_new ("Robert Haddad");
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new (EVENT, TODAY, "Town hall", "…");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(NbPerson) reloaded = NULL;
  g_autoptr(NbPerson) priya = NULL;
  g_autoptr(NbEvent) event = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG", 4);
  g_autoptr(GError) error = NULL;
  const char *robert_tags[] = { "chamber", NULL };
  Signals signals = { 0, };
  gint64 robert_id;
  gint64 event_id;
  NbEntry *entry;

  nb_person_set_field (robert, NB_PERSON_COMPANY, "Blue Harbor Insurance");
  nb_person_set_tags (robert, robert_tags);
  nb_person_set_photo (robert, photo);
  robert_id = nb_store_add_person (store, robert, &error);
  g_assert_no_error (error);
  nb_store_save_capture_draft (store, draft, &error);
  g_assert_no_error (error);

  lines = prepare_lines (store,
                         "Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri\n"
                         "Priya Raghunathan, Spa Olivia: looking for a bookkeeper #wellness\n"
                         "\n"
                         "Chen Wei !tomorrow\n"
                         "priya raghunathan: knows the mayor\n");
  g_assert_cmpint (((NbCaptureLine *) g_ptr_array_index (lines, 0))->person_id, ==, robert_id);

  connect_signals (store, &signals);
  event_id = nb_store_save_capture (store, EVENT, TODAY, "Town hall", lines, draft->id, &ids, &error);
  g_assert_no_error (error);
  g_assert_cmpint (event_id, >, 0);
  g_assert_cmpuint (signals.people, >=, 3);
  g_assert_cmpuint (signals.entries, ==, 6);
  g_assert_cmpuint (signals.events, >=, 1);

  /* One person per line, the repeated new name being one person. */
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, robert_id);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 0);
  g_assert_cmpint (g_array_index (ids, gint64, 4), ==, g_array_index (ids, gint64, 1));
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 3);

  event = nb_store_get_event (store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_event_get_name (event), ==, EVENT);
  g_assert_cmpstr (nb_event_get_date (event), ==, TODAY);
  g_assert_cmpstr (nb_event_get_place (event), ==, "Town hall");
  attendees = nb_store_list_attendees (store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 3);

  /* The known person: tags merged, card and photo kept. */
  reloaded = nb_store_get_person (store, robert_id, &error);
  g_assert_no_error (error);
  g_assert_true (nb_person_has_tag (reloaded, "chamber"));
  g_assert_true (nb_person_has_tag (reloaded, "insurance"));
  g_assert_cmpstr (nb_person_get_company (reloaded), ==, "Blue Harbor Insurance");
  g_assert_true (g_bytes_equal (nb_person_get_photo (reloaded), photo));
  timeline = nb_store_list_entries (store, robert_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  entry = find_entry (timeline, NB_ENTRY_CONVERSATION);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "wants restaurant referrals");
  g_assert_cmpstr (nb_entry_get_date (entry), ==, TODAY);
  g_assert_cmpint (nb_entry_get_event_id (entry), ==, event_id);
  entry = find_entry (timeline, NB_ENTRY_FOLLOW_UP);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "wants restaurant referrals");
  g_assert_cmpstr (nb_entry_get_due (entry), ==, "2026-11-27");
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);
  g_clear_pointer (&timeline, g_ptr_array_unref);

  /* A new person: company, tags, where and when we met; two lines. */
  priya = nb_store_get_person (store, g_array_index (ids, gint64, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_display_name (priya), ==, "Priya Raghunathan");
  g_assert_cmpstr (nb_person_get_company (priya), ==, "Spa Olivia");
  g_assert_cmpstr (nb_person_get_field (priya, NB_PERSON_MET_DATE), ==, TODAY);
  g_assert_cmpstr (nb_person_get_field (priya, NB_PERSON_MET_WHERE), ==, EVENT);
  g_assert_true (nb_person_has_tag (priya, "wellness"));
  timeline = nb_store_list_entries (store, nb_person_get_id (priya), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  g_clear_pointer (&timeline, g_ptr_array_unref);

  /* Without a note: "Met at …" and "Follow up with …". */
  timeline = nb_store_list_entries (store, g_array_index (ids, gint64, 3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_entry_get_text (find_entry (timeline, NB_ENTRY_CONVERSATION)), ==, "Met at " EVENT);
  g_assert_cmpstr (nb_entry_get_text (find_entry (timeline, NB_ENTRY_FOLLOW_UP)), ==, "Follow up with Chen Wei");
  g_assert_cmpstr (nb_entry_get_due (find_entry (timeline, NB_ENTRY_FOLLOW_UP)), ==, "2026-11-21");

  drafts = load_drafts (store);
  g_assert_cmpuint (drafts->len, ==, 0);
  assert_integrity_ok (store);
}

/* The same event (any case) on the same day is not made twice. */
static void
test_save_capture_reuses_event (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) first = prepare_lines (store, "Bob Haddad");
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a;
  gint64 b;
  gint64 c;

  a = nb_store_save_capture (store, EVENT, TODAY, NULL, first, 0, NULL, &error);
  g_assert_no_error (error);
  second = prepare_lines (store, "bob haddad: again\nPriya");
  b = nb_store_save_capture (store, "  chamber BREAKFAST ", TODAY, NULL, second, 0, NULL, &error);
  g_assert_no_error (error);
  third = prepare_lines (store, "bob haddad: again\nPriya");
  c = nb_store_save_capture (store, EVENT, "2026-11-27", NULL, third, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (a, ==, b);
  g_assert_cmpint (c, !=, a);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 2);
}

static void
assert_nothing_saved (NbStore  *store,
                      Signals  *signals,
                      gint64    n_people,
                      gint64    n_entries)
{
  g_autoptr(GPtrArray) drafts = load_drafts (store);

  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, n_people);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, n_entries);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM events"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM event_people"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM tags"), ==, 0);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpuint (signals->people + signals->entries + signals->events, ==, 0);
}

/* A failure on the third line leaves nothing of the first two. */
static void
test_save_capture_all_or_nothing (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new (EVENT, TODAY, NULL, "…");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  Signals signals = { 0, };
  NbCaptureLine *third;
  gint64 known;

  known = test_add_person (store, "Maria Rossi", NULL, NULL);
  nb_store_save_capture_draft (store, draft, &error);
  g_assert_no_error (error);
  connect_signals (store, &signals);

  lines = prepare_lines (store,
                         "Bob Haddad (Blue Harbor): referrals #insurance !fri\n"
                         "maria rossi: logos #design\n"
                         "Chen Wei: tea !tomorrow\n"
                         "Priya\n");
  g_assert_cmpint (((NbCaptureLine *) g_ptr_array_index (lines, 1))->person_id, ==, known);
  third = g_ptr_array_index (lines, 2);

  /* An impossible date, as a buggy caller could set it. */
  g_free (third->followup_due);
  third->followup_due = g_strdup ("2026-02-30");
  g_assert_cmpint (nb_store_save_capture (store, EVENT, TODAY, NULL, lines, draft->id, &ids, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  g_assert_null (ids);
  assert_nothing_saved (store, &signals, 1, 0);
  g_clear_error (&error);

  /* A person deleted since the match was chosen. */
  g_free (third->followup_due);
  third->followup_due = g_strdup ("2026-11-21");
  third->person_id = 999;
  g_assert_cmpint (nb_store_save_capture (store, EVENT, TODAY, NULL, lines, draft->id, NULL, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  assert_nothing_saved (store, &signals, 1, 0);
  g_clear_error (&error);

  /* A line with a problem is refused, not half saved. */
  nb_capture_line_free (g_ptr_array_index (lines, 2));
  g_ptr_array_index (lines, 2) = nb_capture_parse_line ("Chen Wei: tea !someday", TODAY);
  g_assert_cmpint (nb_store_save_capture (store, EVENT, TODAY, NULL, lines, draft->id, NULL, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "someday"));
  assert_nothing_saved (store, &signals, 1, 0);
  g_clear_error (&error);

  /* The event itself. */
  nb_capture_line_free (g_ptr_array_index (lines, 2));
  g_ptr_array_index (lines, 2) = nb_capture_parse_line ("Chen Wei: tea", TODAY);
  g_assert_cmpint (nb_store_save_capture (store, "  ", TODAY, NULL, lines, draft->id, NULL, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (nb_store_save_capture (store, EVENT, "2026-11-31", NULL, lines, draft->id, NULL, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_nothing_saved (store, &signals, 1, 0);

  /* And once fixed, everything. */
  g_assert_cmpint (nb_store_save_capture (store, EVENT, TODAY, NULL, lines, draft->id, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 4);
}

static void
test_save_capture_nobody (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) lines = nb_capture_parse_text ("\n  \n", TODAY);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (nb_store_save_capture (store, EVENT, NULL, NULL, lines, 0, NULL, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM events"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/capture/drafts/save-load-discard", test_drafts_save_load_discard);
  g_test_add_func ("/capture/drafts/refuse-bad-text", test_drafts_refuse_bad_text);
  g_test_add_data_func ("/capture/drafts/kill-after-save", GINT_TO_POINTER (KILL_SELF), test_kill);
  g_test_add_data_func ("/capture/drafts/kill-while-typing", GINT_TO_POINTER (KILL_WHILE_TYPING), test_kill);
  g_test_add_data_func ("/capture/drafts/kill-while-saving", GINT_TO_POINTER (KILL_WHILE_SAVING), test_kill);
  g_test_add_func ("/capture/save/everything", test_save_capture);
  g_test_add_func ("/capture/save/reuses-event", test_save_capture_reuses_event);
  g_test_add_func ("/capture/save/all-or-nothing", test_save_capture_all_or_nothing);
  g_test_add_func ("/capture/save/nobody", test_save_capture_nobody);

  return g_test_run ();
}
