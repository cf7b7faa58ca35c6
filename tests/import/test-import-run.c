/* test-import-run.c: how an import runs: cancelled or failed means
 * nothing was added (and no signal emitted), the asynchronous import
 * with its progress, JSON handed to its importer, and a generator for
 * the large files (timings reported, never asserted), whose people are
 * found by search and are in the live models right after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "import-test-util.h"
#include "nb-import.h"
#include "nb-json.h"

#define TODAY "2024-05-15"

static NbImportReport *
import_text (NbStore         *store,
             const char      *text,
             GError         **error)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));

  return nb_import_bytes (store, data, NULL, NULL, NULL, NULL, error);
}

static GPtrArray *
timeline (NbStore  *store,
          NbPerson *person)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = nb_store_list_entries (store, nb_person_get_id (person), &error);

  g_assert_no_error (error);
  return entries;
}

/* ---- nothing added ---------------------------------------------------- */

typedef struct {
  GCancellable *cancellable;
  double        cancel_at;
  guint         calls;
  double        last;
} CancelData;

static void
cancel_progress_cb (double      fraction,
                    const char *text,
                    gpointer    user_data)
{
  CancelData *data = user_data;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpfloat (fraction, >=, data->last);
  data->last = fraction;
  data->calls++;
  if (fraction >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static GBytes *
many_cards (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\n"
                            "EMAIL:p%u@example.com\r\nNOTE:note %u\r\nEND:VCARD\r\n", i, i, i);

  return g_string_free_to_bytes (text);
}

static void
person_changed_cb (NbStore  *store,
                   gint64    person_id,
                   NbChange  change,
                   guint    *count)
{
  (*count)++;
}

static void
test_cancel (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GBytes) data = many_cards (1200);
  const double cancel_at[] = { 0.0, 0.2, 0.75, 0.9 };
  guint signals = 0;
  gint64 existing;

  existing = test_add_person (store, "Person 7", "Typed Co", "");
  g_signal_connect (store, "person-changed", G_CALLBACK (person_changed_cb), &signals);

  for (guint i = 0; i < G_N_ELEMENTS (cancel_at); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(NbImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NbPerson) seven = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      CancelData cancel = { cancellable, cancel_at[i], 0, 0.0 };

      if (cancel_at[i] == 0.0)
        g_cancellable_cancel (cancellable);

      report = nb_import_bytes (store, data, NULL, cancel_progress_cb, &cancel, cancellable, &error);
      g_assert_null (report);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);

      g_assert_cmpuint (test_count_people (store), ==, 1);
      seven = nb_store_get_person (store, existing, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nb_person_get_field (seven, NB_PERSON_EMAILS), ==, "");
      entries = timeline (store, seven);
      g_assert_cmpuint (entries->len, ==, 0);
    }

  g_assert_cmpuint (signals, ==, 0);
}

static void
test_failure (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) ada = NULL;
  sqlite3 *db;
  guint signals = 0;
  gint64 id;

  id = test_add_person (store, "Ada Okafor", "", "");
  g_signal_connect (store, "person-changed", G_CALLBACK (person_changed_cb), &signals);

  /* The database refuses the third card, after the first two were
   * written and Ada merged. */
  db = test_sqlite_open (nb_store_get_path (store));
  test_sqlite_exec (db, "CREATE TRIGGER boom BEFORE INSERT ON people WHEN new.display_name = 'Boom' "
                        "BEGIN SELECT RAISE (ABORT, 'boom'); END");
  sqlite3_close (db);

  report = import_text (store,
                        "BEGIN:VCARD\nVERSION:3.0\nFN:First\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Okafor\nORG:Okafor Ltd\nNOTE:hi\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Boom\nEND:VCARD\n"
                        "BEGIN:VCARD\nVERSION:3.0\nFN:Last\nEND:VCARD\n",
                        &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpuint (test_count_people (store), ==, 1);
  ada = nb_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_company (ada), ==, "");
  g_assert_cmpuint (signals, ==, 0);
}

/* ---- asynchronous ------------------------------------------------------ */

typedef struct {
  GMainLoop      *loop;
  NbImportReport *report;
  GError         *error;
  guint           progress_calls;
  gboolean        progress_destroyed;
  GCancellable   *cancel_on_progress;
} AsyncData;

static void
async_progress_cb (double      fraction,
                   const char *text,
                   gpointer    user_data)
{
  AsyncData *data = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->progress_calls++;
  if (data->cancel_on_progress != NULL)
    g_cancellable_cancel (data->cancel_on_progress);
}

static void
async_progress_destroy (gpointer user_data)
{
  AsyncData *data = user_data;

  data->progress_destroyed = TRUE;
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *data = user_data;

  data->report = nb_import_file_finish (NB_STORE (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("many.vcf");
  g_autoptr(GBytes) bytes = many_cards (600);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Cancelled while reading, then before it starts: nothing added. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      AsyncData data = { loop, NULL, NULL, 0, FALSE, NULL };

      if (round == 0)
        data.cancel_on_progress = cancellable;
      else
        g_cancellable_cancel (cancellable);

      nb_import_file_async (store, file, NULL, async_progress_cb, &data, async_progress_destroy,
                            cancellable, imported_cb, &data);
      g_main_loop_run (loop);

      g_assert_null (data.report);
      g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&data.error);
      g_assert_true (data.progress_destroyed);
      g_assert_cmpuint (test_count_people (store), ==, 0);
    }

  {
    AsyncData data = { loop, NULL, NULL, 0, FALSE, NULL };

    nb_import_file_async (store, file, NULL, async_progress_cb, &data, async_progress_destroy,
                          NULL, imported_cb, &data);
    g_main_loop_run (loop);

    g_assert_no_error (data.error);
    g_assert_nonnull (data.report);
    g_assert_cmpuint (data.report->added, ==, 600);
    g_assert_cmpuint (data.progress_calls, >, 0);
    g_assert_true (data.progress_destroyed);
    g_assert_cmpuint (test_count_people (store), ==, 600);
    nb_import_report_free (data.report);
  }
}

static void
test_json (void)
{
  g_autoptr(NbStore) source = test_open_new_store ();
  g_autoptr(NbStore) target = test_open_new_store ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) data = NULL;
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(NbImportReport) again = NULL;
  g_autoptr(GError) error = NULL;

  test_add_person (source, "Ada Okafor", "Okafor Ltd", "CEO");
  test_add_person (source, "Bob Smith", "", "");
  nb_json_export (source, stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  data = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpint (nb_import_detect_format (data), ==, NB_IMPORT_FORMAT_JSON);

  report = nb_import_bytes (target, data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);

  /* A whole notebook only goes into an empty one. */
  again = nb_import_bytes (target, data, NULL, NULL, NULL, NULL, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (test_count_people (target), ==, 2);

  /* Asynchronously, through JSON's own asynchronous import. */
  {
    g_autoptr(NbStore) third = test_open_new_store ();
    g_autofree char *path = test_scratch_path ("notebook.json");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    AsyncData async = { loop, NULL, NULL, 0, FALSE, NULL };

    test_write_file (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
    nb_import_file_async (third, file, NULL, NULL, NULL, NULL, NULL, imported_cb, &async);
    g_main_loop_run (loop);
    g_assert_no_error (async.error);
    g_assert_cmpuint (async.report->added, ==, 2);
    g_assert_cmpuint (test_count_people (third), ==, 2);
    nb_import_report_free (async.report);
  }
}

/* ---- large files -------------------------------------------------------- */

/* Large files shaped like the real ones. The numbers the issue asks for
 * (10,000 cards, 30,000 LinkedIn rows) with -m perf; timings are only
 * reported, the benchmarks measure them. Sanitizers unwind the stack on
 * every allocation: fewer there. */
#if defined(__SANITIZE_ADDRESS__)
#define LARGE_DIVISOR 5
#else
#define LARGE_DIVISOR 1
#endif

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* The live people model holds what a fresh list of the notebook holds,
 * in the same order, with the imported values. */
static void
assert_people_model_current (NbStore    *store,
                             GListModel *model)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, people->len);

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *listed = g_ptr_array_index (people, i);
      g_autoptr(NbPerson) item = g_list_model_get_item (model, i);

      g_assert_cmpint (nb_person_get_id (item), ==, nb_person_get_id (listed));
      for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
        g_assert_cmpstr (nb_person_get_field (item, (NbPersonField) f), ==,
                         nb_person_get_field (listed, (NbPersonField) f));
    }
}

/* Search finds @name, right after the import. */
static void
assert_search_finds (NbStore    *store,
                     const char *query,
                     const char *name)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  hits = nb_store_search (store, query, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    found |= g_str_equal (nb_person_get_display_name (((NbSearchHit *) hits->pdata[i])->person), name);

  if (!found)
    g_error ("“%s” did not find %s (%u hits)", query, name, hits->len);
}

static void
test_large (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GString) vcf = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("Notes:\n\"Some notes\"\n\n"
                                         "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autoptr(GBytes) vcf_data = NULL;
  g_autoptr(GBytes) csv_data = NULL;
  g_autoptr(NbImportReport) cards = NULL;
  g_autoptr(NbImportReport) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cards = (g_test_perf () ? 10000 : 1000) / LARGE_DIVISOR;
  guint n_rows = (g_test_perf () ? 30000 : 1500) / LARGE_DIVISOR;
  guint n_known = 0;
  g_autoptr(GListModel) people_model = NULL;
  g_autoptr(GListModel) followups_model = NULL;
  guint n_items_changed = 0;
  const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  gint64 start;

  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (vcf,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family%u;Given%u;;;\r\nFN:Given%u Family%u\r\n"
                            "EMAIL;TYPE=INTERNET:given%u@example.com\r\nTEL;TYPE=CELL:+1 555 %07u\r\n"
                            "ORG:Company %u\r\nTITLE:Role %u\r\nCATEGORIES:myContacts,group%u\r\nEND:VCARD\r\n",
                            i, i, i, i, i, i, i % 500, i % 40, i % 7);
  /* A third of the rows are people from the vCards. */
  for (guint i = 0; i < n_rows; i++)
    {
      gboolean known = i % 3 == 0 && i < n_cards;

      g_string_append_printf (csv, "%s%u,%s%u,https://www.linkedin.com/in/person%u,,"
                              "\"Company %u, Inc.\",\"Role, %u\",%02u %s %u\n",
                              known ? "Given" : "Other", i, known ? "Family" : "Person", i, i,
                              i % 500, i % 40, i % 28 + 1, months[i % 12], 2010 + i % 14);
      n_known += known;
    }

  vcf_data = g_string_free_to_bytes (g_steal_pointer (&vcf));
  csv_data = g_string_free_to_bytes (g_steal_pointer (&csv));

  /* The app's live models are loaded while it imports. */
  test_add_person (store, "Already Here", "", "");
  people_model = nb_store_get_people_model (store);
  followups_model = nb_store_get_followups_model (store);
  g_signal_connect (people_model, "items-changed", G_CALLBACK (count_items_changed_cb), &n_items_changed);

  start = g_get_monotonic_time ();
  cards = nb_import_bytes (store, vcf_data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("vCard: %u cards in %.0f ms", n_cards, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (cards->added, ==, n_cards);

  /* Found at once, by name, company and tag; the model read once. */
  assert_search_finds (store, "given7 family7", "Given7 Family7");
  {
    /* The last card: the number of cards is smaller under sanitizers. */
    guint last = n_cards - 1;
    g_autofree char *query = g_strdup_printf ("company %u", last % 500);
    g_autofree char *name = g_strdup_printf ("Given%u Family%u", last, last);

    assert_search_finds (store, query, name);
  }
  assert_search_finds (store, "group3", "Given3 Family3");
  assert_people_model_current (store, people_model);
  g_assert_cmpuint (n_items_changed, ==, 1);

  start = g_get_monotonic_time ();
  rows = nb_import_bytes (store, csv_data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("LinkedIn: %u rows in %.0f ms", n_rows, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (rows->added + rows->merged, ==, n_rows);
  g_assert_cmpuint (rows->merged, ==, n_known);

  /* New people, merged ones by what the row added, and the notes. */
  assert_search_finds (store, "other1 person1", "Other1 Person1");
  assert_search_finds (store, "given3 family3", "Given3 Family3");
  {
    g_autoptr(GPtrArray) hits = nb_store_search (store, "connected on linkedin", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, n_rows);
  }
  assert_people_model_current (store, people_model);
  g_assert_cmpuint (n_items_changed, ==, 2);
  test_assert_search_index_exact (store);
  g_assert_cmpuint (g_list_model_get_n_items (followups_model), ==, 0);
}

/* ---- in a worker thread ---------------------------------------------- */

typedef struct {
  sqlite3      *lock;          /* another connection, holding the write lock */
  GCancellable *cancellable;   /* cancelled before the lock is let go */
  gboolean      released;
  AsyncData    *async;
} LockData;

static gboolean
release_lock_cb (gpointer user_data)
{
  LockData *data = user_data;

  /* The main loop ran while the import waited to write. */
  g_assert_null (data->async->report);
  g_assert_null (data->async->error);
  if (data->cancellable != NULL)
    g_cancellable_cancel (data->cancellable);
  g_assert_cmpint (sqlite3_exec (data->lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  data->released = TRUE;
  return G_SOURCE_REMOVE;
}

/* The import writes on a connection of its own in a worker thread: while
 * another writer holds the notebook, the main loop goes on; cancelled
 * once it writes, nothing is added; done, the store's models and
 * listeners have every person, as from an import of its own. */
static void
test_worker (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("worker.vcf");
  g_autoptr(GBytes) bytes = many_cards (300);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GListModel) people = nb_store_get_people_model (store);
  guint n_changed = 0;
  sqlite3 *lock = NULL;

  test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  test_add_person (store, "Already Here", "", "");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_signal_connect (store, "person-changed", G_CALLBACK (person_changed_cb), &n_changed);
  g_assert_cmpint (sqlite3_open (nb_store_get_path (store), &lock), ==, SQLITE_OK);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      AsyncData async = { loop, NULL, NULL, 0, FALSE, NULL };
      LockData data = { lock, round == 0 ? cancellable : NULL, FALSE, &async };

      g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
      nb_import_file_async (store, file, NULL, async_progress_cb, &async, async_progress_destroy,
                            cancellable, imported_cb, &async);
      g_timeout_add (200, release_lock_cb, &data);
      g_main_loop_run (loop);
      g_assert_true (data.released);
      g_assert_true (async.progress_destroyed);

      if (round == 0)
        {
          g_assert_null (async.report);
          g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&async.error);
          g_assert_cmpuint (test_count_people (store), ==, 1);
          g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
          g_assert_cmpuint (n_changed, ==, 0);
        }
      else
        {
          g_assert_no_error (async.error);
          g_assert_cmpuint (async.report->added, ==, 300);
          nb_import_report_free (async.report);
          g_assert_cmpuint (test_count_people (store), ==, 301);
          g_assert_cmpuint (g_list_model_get_n_items (people), ==, 301);
          g_assert_cmpuint (n_changed, ==, 300);
          assert_search_finds (store, "person 299", "Person 299");
        }
    }

  sqlite3_close (lock);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/run/cancel", test_cancel);
  g_test_add_func ("/import/run/failure", test_failure);
  g_test_add_func ("/import/run/async", test_async);
  g_test_add_func ("/import/run/worker", test_worker);
  g_test_add_func ("/import/run/json", test_json);
  g_test_add_func ("/import/run/large", test_large);

  return g_test_run ();
}
