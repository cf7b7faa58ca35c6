/* test-store-live.c: transactions, change signals, live models, two
 * stores on one file, backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nb-enum-types.h"
#include "store-test-util.h"

typedef struct {
  GString *log;
} Recorder;

static void
on_person_changed_cb (NbStore  *store,
                      gint64    person_id,
                      NbChange  change,
                      Recorder *rec)
{
  g_string_append_printf (rec->log, "person %" G_GINT64_FORMAT " %d;", person_id, change);
}

static void
on_entry_changed_cb (NbStore  *store,
                     gint64    entry_id,
                     gint64    person_id,
                     gint64    other_person_id,
                     NbChange  change,
                     Recorder *rec)
{
  g_string_append_printf (rec->log, "entry %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %d;",
                          entry_id, person_id, other_person_id, change);
}

static void
on_profile_changed_cb (NbStore  *store,
                       Recorder *rec)
{
  g_string_append (rec->log, "profile;");
}

static void
on_event_changed_cb (NbStore  *store,
                     gint64    event_id,
                     NbChange  change,
                     Recorder *rec)
{
  g_string_append_printf (rec->log, "event %" G_GINT64_FORMAT " %d;", event_id, change);
}

static void
recorder_connect (Recorder *rec,
                  NbStore  *store)
{
  rec->log = g_string_new (NULL);
  g_signal_connect (store, "person-changed", G_CALLBACK (on_person_changed_cb), rec);
  g_signal_connect (store, "entry-changed", G_CALLBACK (on_entry_changed_cb), rec);
  g_signal_connect (store, "profile-changed", G_CALLBACK (on_profile_changed_cb), rec);
  g_signal_connect (store, "event-changed", G_CALLBACK (on_event_changed_cb), rec);
}

static void
recorder_clear (Recorder *rec)
{
  g_string_free (rec->log, TRUE);
}

typedef struct {
  Recorder *rec;
  gboolean  fail;
  gint64    ids[2];
} TxData;

static gboolean
add_two_then_maybe_fail (NbStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  TxData *data = user_data;
  g_autoptr(NbPerson) a = nb_person_new ("Ada");
  g_autoptr(NbPerson) b = nb_person_new ("Bob");

  data->ids[0] = nb_store_add_person (store, a, error);
  if (data->ids[0] == 0)
    return FALSE;
  data->ids[1] = nb_store_add_person (store, b, error);
  if (data->ids[1] == 0)
    return FALSE;
  if (!nb_store_set_profile (store, "offers", "looking", error))
    return FALSE;

  /* Nothing is announced before the commit. */
  g_assert_cmpstr (data->rec->log->str, ==, "");

  if (data->fail)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID, "changed my mind");
      return FALSE;
    }

  return TRUE;
}

static void
test_transaction (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = nb_store_get_people_model (store);
  g_autofree char *expected = NULL;
  Recorder rec;
  TxData data = { &rec, TRUE, { 0, 0 } };

  recorder_connect (&rec, store);

  g_assert_false (nb_store_transaction (store, add_two_then_maybe_fail, &data, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rec.log->str, ==, "");
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM search"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM profile WHERE offers = ''"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);

  data.fail = FALSE;
  g_assert_true (nb_store_transaction (store, add_two_then_maybe_fail, &data, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("person %" G_GINT64_FORMAT " 0;person %" G_GINT64_FORMAT " 0;profile;",
                              data.ids[0], data.ids[1]);
  g_assert_cmpstr (rec.log->str, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  recorder_clear (&rec);
}

static gboolean
inner_fails (NbStore   *store,
             gpointer   user_data,
             GError   **error)
{
  g_autoptr(NbPerson) c = nb_person_new ("Carol");

  if (nb_store_add_person (store, c, error) == 0)
    return FALSE;

  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID, "inner says no");
  return FALSE;
}

static gboolean
outer_keeps_going (NbStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  Recorder *rec = user_data;
  g_autoptr(NbPerson) a = nb_person_new ("Ada");
  g_autoptr(NbPerson) nameless = nb_person_new ("");
  g_autoptr(GError) inner_error = NULL;
  gint64 ada;

  ada = nb_store_add_person (store, a, error);
  if (ada == 0)
    return FALSE;

  /* A store call that fails inside the transaction leaves the rest. */
  g_assert_cmpint (nb_store_add_person (store, nameless, &inner_error), ==, 0);
  g_assert_error (inner_error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&inner_error);

  /* So does a nested transaction that rolls back. */
  g_assert_false (nb_store_transaction (store, inner_fails, NULL, &inner_error));
  g_assert_error (inner_error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);

  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-02", "kept");
  g_assert_cmpstr (rec->log->str, ==, "");

  return TRUE;
}

static void
test_nested (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  Recorder rec;

  recorder_connect (&rec, store);
  g_assert_true (nb_store_transaction (store, outer_keeps_going, &rec, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people WHERE display_name = 'Carol'"), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, 1);
  /* Carol's "added" was dropped with her savepoint. */
  g_assert_cmpstr (rec.log->str, ==, "person 1 0;entry 1 1 0 0;");
  g_assert_cmpuint (store->depth, ==, 0);
  g_assert_true (sqlite3_get_autocommit (store->db));

  recorder_clear (&rec);
}

static void
test_signals (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbEvent) event = nb_event_new ("Mixer", "2024-05-02", "");
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(GError) error = NULL;
  Recorder rec;
  gint64 ada;
  gint64 bob;
  gint64 entry;

  recorder_connect (&rec, store);

  ada = test_add_person (store, "Ada", "", "");
  bob = test_add_person (store, "Bob", "", "");
  g_assert_cmpstr (rec.log->str, ==, "person 1 0;person 2 0;");
  g_string_truncate (rec.log, 0);

  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-05-02", "Ada meets Bob");
  nb_entry_set_other_person_id (intro, bob);
  entry = nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);
  nb_store_set_entry_status (store, entry, NB_STATUS_NONE, &error);  /* unchanged: no signal */
  nb_entry_set_text (intro, "Ada met Bob");
  nb_store_update_entry (store, intro, &error);
  nb_store_delete_entry (store, entry, &error);
  nb_store_undelete_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rec.log->str, ==, "entry 1 1 2 0;entry 1 1 2 1;entry 1 1 2 2;entry 1 1 2 0;");
  g_string_truncate (rec.log, 0);

  nb_store_set_person_archived (store, ada, TRUE, &error);
  nb_store_set_person_archived (store, ada, TRUE, &error);  /* unchanged: no signal */
  nb_store_delete_person (store, bob, &error);
  nb_store_undelete_person (store, bob, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rec.log->str, ==, "person 1 1;person 2 2;person 2 0;");
  g_string_truncate (rec.log, 0);

  nb_store_add_event (store, event, &error);
  nb_store_add_attendee (store, nb_event_get_id (event), ada, &error);
  nb_store_add_attendee (store, nb_event_get_id (event), ada, &error);  /* already there */
  nb_store_set_profile (store, "a", "b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rec.log->str, ==, "event 1 0;event 1 1;profile;");

  /* Refused changes announce nothing. */
  g_string_truncate (rec.log, 0);
  nb_store_delete_person (store, 99, &error);
  g_clear_error (&error);
  nb_store_set_entry_status (store, entry, NB_STATUS_DONE, &error);
  g_clear_error (&error);
  g_assert_cmpstr (rec.log->str, ==, "");

  recorder_clear (&rec);
}

static GPtrArray *
model_names (GListModel *model)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbPerson) person = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (nb_person_get_display_name (person)));
    }

  return names;
}

static void
assert_people (GListModel *model,
               const char *expected)
{
  g_autoptr(GPtrArray) names = model_names (model);
  g_autofree char *joined = NULL;

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint count;
} Splice;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Splice     *splice)
{
  splice->position = position;
  splice->removed = removed;
  splice->added = added;
  splice->count++;
}

static void
test_people_model (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(NbPerson) bob = NULL;
  g_autoptr(GError) error = NULL;
  Splice splice = { 0, };
  gint64 ada;
  gint64 bob_id;
  gint64 zed;

  ada = test_add_person (store, "Ada", "", "");
  zed = test_add_person (store, "Zed", "", "");

  model = nb_store_get_people_model (store);
  again = nb_store_get_people_model (store);
  g_assert_true (model == again);
  g_assert_true (g_list_model_get_item_type (model) == NB_TYPE_PERSON);
  assert_people (model, "Ada,Zed");
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &splice);

  /* Added in its place. */
  bob_id = test_add_person (store, "Bob", "", "");
  assert_people (model, "Ada,Bob,Zed");
  g_assert_cmpuint (splice.position, ==, 1);
  g_assert_cmpuint (splice.removed, ==, 0);
  g_assert_cmpuint (splice.added, ==, 1);

  /* Renamed: moves. */
  bob = nb_store_get_person (store, bob_id, &error);
  nb_person_set_field (bob, NB_PERSON_DISPLAY_NAME, "Zara");
  nb_store_update_person (store, bob, &error);
  g_assert_no_error (error);
  assert_people (model, "Ada,Zara,Zed");
  nb_person_set_field (bob, NB_PERSON_DISPLAY_NAME, "Aaron");
  nb_store_update_person (store, bob, &error);
  assert_people (model, "Aaron,Ada,Zed");

  /* Updated in place: one splice at its position. */
  splice.count = 0;
  nb_store_set_person_archived (store, zed, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (splice.count, ==, 1);
  g_assert_cmpuint (splice.position, ==, 2);
  g_assert_cmpuint (splice.removed, ==, 1);
  g_assert_cmpuint (splice.added, ==, 1);
  {
    g_autoptr(NbPerson) item = g_list_model_get_item (model, 2);

    g_assert_true (nb_person_get_archived (item));
  }

  /* A new entry refreshes the summary. */
  test_add_entry (store, NB_ENTRY_CONVERSATION, ada, "2020-01-01", "coffee");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2020-01-02", "call back");
  {
    g_autoptr(NbPerson) item = g_list_model_get_item (model, 1);

    g_assert_cmpint (nb_person_get_id (item), ==, ada);
    g_assert_cmpstr (nb_person_get_last_contact (item), ==, "2020-01-02");
    g_assert_cmpuint (nb_person_get_due_followups (item), ==, 1);
  }

  /* Deleted and back. */
  nb_store_delete_person (store, ada, &error);
  assert_people (model, "Aaron,Zed");
  nb_store_undelete_person (store, ada, &error);
  g_assert_no_error (error);
  assert_people (model, "Aaron,Ada,Zed");
}

/* A list's first screen: only the first people by name are read, with
 * the same summaries as a whole read; the rest come in one splice when
 * asked for, when the whole model is asked for, or at the first change. */
static void
test_people_model_first (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GError) error = NULL;
  Splice splice = { 0, };
  gint64 ada, bea;

  ada = test_add_person (store, "Ada", "", "");
  bea = test_add_person (store, "Bea", "", "");
  test_add_person (store, "Cy", "", "");
  test_add_person (store, "Dee", "", "");
  test_add_person (store, "Eve", "", "");
  test_add_entry (store, NB_ENTRY_CONVERSATION, ada, "2020-01-01", "coffee");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, bea, "2020-01-02", "call back");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, bea, "2020-01-03", "send the deck");
  {
    g_autoptr(NbPerson) bea_card = nb_store_get_person (store, bea, &error);

    g_assert_no_error (error);
    nb_person_set_tags (bea_card, (const char * const []) { "mentor", NULL });
    nb_store_update_person (store, bea_card, &error);
    g_assert_no_error (error);
  }

  g_assert_false (nb_store_is_people_model_complete (store));
  model = nb_store_get_people_model_first (store, 2);
  assert_people (model, "Ada,Bea");
  g_assert_false (nb_store_is_people_model_complete (store));
  {
    g_autoptr(NbPerson) first = g_list_model_get_item (model, 0);
    g_autoptr(NbPerson) second = g_list_model_get_item (model, 1);

    g_assert_cmpstr (nb_person_get_last_contact (first), ==, "2020-01-01");
    g_assert_cmpuint (nb_person_get_due_followups (first), ==, 0);
    g_assert_cmpstr (nb_person_get_last_contact (second), ==, "2020-01-03");
    g_assert_cmpuint (nb_person_get_due_followups (second), ==, 2);
    g_assert_true (nb_person_has_tag (second, "mentor"));
  }

  /* The rest, in one splice that replaces the first ones. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &splice);
  nb_store_complete_people_model (store);
  g_assert_true (nb_store_is_people_model_complete (store));
  assert_people (model, "Ada,Bea,Cy,Dee,Eve");
  g_assert_cmpuint (splice.count, ==, 1);
  g_assert_cmpuint (splice.position, ==, 0);
  g_assert_cmpuint (splice.removed, ==, 2);
  g_assert_cmpuint (splice.added, ==, 5);
  {
    g_autoptr(NbPerson) second = g_list_model_get_item (model, 1);

    g_assert_cmpuint (nb_person_get_due_followups (second), ==, 2);
  }

  /* Nothing more to read: no other splice. */
  nb_store_complete_people_model (store);
  g_assert_cmpuint (splice.count, ==, 1);

  /* Asked again for the first ones: the same, whole model. */
  {
    g_autoptr(GListModel) again = nb_store_get_people_model_first (store, 1);

    g_assert_true (again == model);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 5);
  }

  /* Fewer people than asked for: everyone, complete at once. */
  {
    g_autoptr(NbStore) other = test_open_new_store ();
    g_autoptr(GListModel) few = NULL;

    test_add_person (other, "Ada", "", "");
    few = nb_store_get_people_model_first (other, 10);
    assert_people (few, "Ada");
    g_assert_true (nb_store_is_people_model_complete (other));
  }

  /* A change while incomplete reads everyone, the change included. */
  {
    g_autoptr(NbStore) other = test_open_new_store ();
    g_autoptr(GListModel) first = NULL;

    test_add_person (other, "Ada", "", "");
    test_add_person (other, "Bea", "", "");
    test_add_person (other, "Cy", "", "");
    first = nb_store_get_people_model_first (other, 1);
    assert_people (first, "Ada");
    test_add_person (other, "Abe", "", "");
    g_assert_true (nb_store_is_people_model_complete (other));
    assert_people (first, "Abe,Ada,Bea,Cy");
  }

  /* And so does asking for the whole model. */
  {
    g_autoptr(NbStore) other = test_open_new_store ();
    g_autoptr(GListModel) first = NULL;

    test_add_person (other, "Ada", "", "");
    test_add_person (other, "Bea", "", "");
    first = nb_store_get_people_model_first (other, 1);
    whole = nb_store_get_people_model (other);
    g_assert_true (whole == first);
    assert_people (whole, "Ada,Bea");
    g_assert_true (nb_store_is_people_model_complete (other));
  }
}

/* After loading, the people model fills in exact stage and trust at idle
 * priority, in batches spliced back. */
static void
test_people_model_trust (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  Splice splice = { 0, };
  guint n = 250;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      gint64 id = test_add_person (store, name, "", "");

      if (i % 2 == 0)
        {
          test_add_entry (store, NB_ENTRY_MEETING, id, "2020-01-01", "one-to-one");
          test_add_entry (store, NB_ENTRY_MEETING, id, "2020-02-01", "one-to-one");
          test_add_entry (store, NB_ENTRY_REFERRAL_RECEIVED, id, "2020-03-01", "a client");
        }
    }

  model = nb_store_get_people_model (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &splice);

  /* A change while the pass is under way. */
  test_add_person (store, "Person 000a", "", "");

  while (store->trust_idle_id != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (splice.count, >=, 3);

  /* Everyone's timeline read once, the page cache is given back. */
  {
    int used = 0, highwater = 0;

    g_assert_cmpint (sqlite3_db_status (store->db, SQLITE_DBSTATUS_CACHE_USED,
                                        &used, &highwater, FALSE), ==, SQLITE_OK);
    g_assert_cmpint (used, <, 8 * 4096);
  }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbPerson) item = g_list_model_get_item (model, i);
      g_autoptr(NbTrust) trust = nb_store_compute_trust (store, nb_person_get_id (item), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (nb_person_get_stage (item), ==, nb_trust_get_stage (trust));
      g_assert_cmpuint (nb_person_get_trust_score (item), ==,
                        nb_trust_get_score (trust, NB_DIMENSION_TRUST));
    }

  {
    g_autoptr(NbPerson) first = g_list_model_get_item (model, 0);

    g_assert_cmpuint (nb_person_get_trust_score (first), >, 0);
  }
}

static void
assert_timeline (GListModel *model,
                 const char *expected)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbEntry) entry = g_list_model_get_item (model, i);

      g_string_append_printf (texts, "%s%s", i > 0 ? "," : "", nb_entry_get_text (entry));
    }

  g_assert_cmpstr (texts->str, ==, expected);
}

static void
test_timeline_models (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GListModel) ada_model = NULL;
  g_autoptr(GListModel) bob_model = NULL;
  g_autoptr(GListModel) followups = NULL;
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(NbEntry) note = NULL;
  g_autoptr(GError) error = NULL;
  Splice splice = { 0, };
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 bob = test_add_person (store, "Bob", "", "");
  gint64 note_id;
  gint64 followup;

  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-01-01", "one");
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-03-01", "three");

  ada_model = nb_store_get_timeline_model (store, ada);
  bob_model = nb_store_get_timeline_model (store, bob);
  followups = nb_store_get_followups_model (store);
  assert_timeline (ada_model, "three,one");
  assert_timeline (bob_model, "");
  g_signal_connect (ada_model, "items-changed", G_CALLBACK (on_items_changed_cb), &splice);

  /* Spliced in where it belongs, nothing else touched. */
  note_id = test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-02-01", "two");
  assert_timeline (ada_model, "three,two,one");
  g_assert_cmpuint (splice.count, ==, 1);
  g_assert_cmpuint (splice.position, ==, 1);
  g_assert_cmpuint (splice.removed, ==, 0);
  g_assert_cmpuint (splice.added, ==, 1);

  /* An introduction appears on both timelines. */
  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-04-01", "intro");
  nb_entry_set_other_person_id (intro, bob);
  nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);
  assert_timeline (ada_model, "intro,three,two,one");
  assert_timeline (bob_model, "intro");

  /* Edited, moved, deleted, undeleted. */
  note = nb_store_get_entry (store, note_id, &error);
  nb_entry_set_text (note, "two!");
  nb_store_update_entry (store, note, &error);
  g_assert_no_error (error);
  assert_timeline (ada_model, "intro,three,two!,one");
  g_assert_cmpuint (splice.position, ==, 2);
  g_assert_cmpuint (splice.removed, ==, 1);
  g_assert_cmpuint (splice.added, ==, 1);

  nb_entry_set_person_id (note, bob);
  nb_store_update_entry (store, note, &error);
  g_assert_no_error (error);
  assert_timeline (ada_model, "intro,three,one");
  assert_timeline (bob_model, "intro,two!");

  nb_store_delete_entry (store, note_id, &error);
  assert_timeline (bob_model, "intro");
  nb_store_undelete_entry (store, note_id, &error);
  assert_timeline (bob_model, "intro,two!");

  /* Ada deleted: her introduction leaves Bob's timeline. */
  nb_store_delete_person (store, ada, &error);
  assert_timeline (bob_model, "two!");
  assert_timeline (ada_model, "");
  nb_store_undelete_person (store, ada, &error);
  assert_timeline (bob_model, "intro,two!");

  /* Follow-ups, due first, gone when done. */
  followup = test_add_entry (store, NB_ENTRY_FOLLOW_UP, bob, "2024-06-01", "later");
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-05-01", "sooner");
  assert_timeline (followups, "sooner,later");
  nb_store_set_entry_status (store, followup, NB_STATUS_DONE, &error);
  g_assert_no_error (error);
  assert_timeline (followups, "sooner");

  /* The same timeline model while someone holds it; a new one after. */
  {
    g_autoptr(GListModel) same = nb_store_get_timeline_model (store, ada);

    g_assert_true (same == ada_model);
  }
  g_signal_handlers_disconnect_by_func (ada_model, on_items_changed_cb, &splice);
  g_clear_object (&ada_model);
  g_assert_cmpuint (g_hash_table_size (store->timelines), ==, 1);
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-05", "after");
  ada_model = nb_store_get_timeline_model (store, ada);
  assert_timeline (ada_model, "after,sooner,intro,three,one");
}

/* The store may go before its models. */
/* The models hold what fresh reads of the notebook hold. */
static void
assert_models_current (NbStore    *store,
                       GListModel *people,
                       GListModel *timeline,
                       gint64      timeline_person,
                       GListModel *followups)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  listed = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, listed->len);
  for (guint i = 0; i < listed->len; i++)
    {
      g_autoptr(NbPerson) item = g_list_model_get_item (people, i);
      NbPerson *person = g_ptr_array_index (listed, i);

      g_assert_cmpint (nb_person_get_id (item), ==, nb_person_get_id (person));
      g_assert_cmpstr (nb_person_get_display_name (item), ==, nb_person_get_display_name (person));
      g_assert_cmpstr (nb_person_get_field (item, NB_PERSON_COMPANY), ==,
                       nb_person_get_field (person, NB_PERSON_COMPANY));
      g_assert_cmpstr (nb_person_get_last_contact (item), ==, nb_person_get_last_contact (person));
      g_assert_cmpuint (nb_person_get_due_followups (item), ==, nb_person_get_due_followups (person));
    }

  entries = nb_store_list_entries (store, timeline_person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(NbEntry) item = g_list_model_get_item (timeline, i);

      g_assert_cmpint (nb_entry_get_id (item), ==, nb_entry_get_id (g_ptr_array_index (entries, i)));
    }

  due = nb_store_list_followups (store, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, due->len);
  for (guint i = 0; i < due->len; i++)
    {
      g_autoptr(NbEntry) item = g_list_model_get_item (followups, i);

      g_assert_cmpint (nb_entry_get_id (item), ==, nb_entry_get_id (g_ptr_array_index (due, i)));
    }
}

typedef struct {
  gint64 ada;
  gint64 bob;
  guint  n_people;
  guint  n_entries;
} BigCommit;

static gboolean
big_commit_cb (NbStore   *store,
               gpointer   user_data,
               GError   **error)
{
  BigCommit *big = user_data;
  g_autoptr(NbPerson) ada = NULL;
  g_autoptr(NbEntry) intro = NULL;

  for (guint i = 0; i < big->n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", big->n_people - i);

      test_add_person (store, name, "Bulk Co", "");
    }

  for (guint i = 0; i < big->n_entries; i++)
    {
      g_autoptr(NbEntry) entry = nb_entry_new (i % 2 == 0 ? NB_ENTRY_MEETING : NB_ENTRY_FOLLOW_UP,
                                               big->ada, "2024-05-01", "talked");

      if (i % 2 == 1)
        {
          nb_entry_set_due (entry, "2024-05-10");
          nb_entry_set_status (entry, NB_STATUS_OPEN);
        }
      if (nb_store_add_entry (store, entry, error) == 0)
        return FALSE;
    }

  /* An introduction of Ada to Bob, Bob deleted, Ada renamed: people
   * added, removed and moved in the list in one commit. */
  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, big->ada, "2024-05-02", "meet Bob");
  nb_entry_set_other_person_id (intro, big->bob);
  if (nb_store_add_entry (store, intro, error) == 0 ||
      !nb_store_delete_person (store, big->bob, error))
    return FALSE;

  ada = nb_store_get_person (store, big->ada, error);
  if (ada == NULL)
    return FALSE;
  nb_person_set_field (ada, NB_PERSON_DISPLAY_NAME, "Zelda");
  nb_person_set_field (ada, NB_PERSON_COMPANY, "Renamed Co");
  return nb_store_update_person (store, ada, error);
}

/* A commit that changes many things (an import) is applied to the
 * models in one go: the people model read again whole past a few dozen
 * people, person by person below that; timelines and follow-ups right
 * either way. */
static void
test_big_commits (void)
{
  const guint n_people[] = { 200, 10 };

  for (guint run = 0; run < G_N_ELEMENTS (n_people); run++)
    {
      g_autoptr(NbStore) store = test_open_new_store ();
      g_autoptr(GListModel) people = NULL;
      g_autoptr(GListModel) timeline = NULL;
      g_autoptr(GListModel) followups = NULL;
      g_autoptr(GError) error = NULL;
      BigCommit big = { 0, 0, n_people[run], 60 };
      Splice splice = { 0, };

      big.ada = test_add_person (store, "Ada", "", "");
      big.bob = test_add_person (store, "Bob", "", "");
      test_add_person (store, "Carol", "", "");
      people = nb_store_get_people_model (store);
      timeline = nb_store_get_timeline_model (store, big.ada);
      followups = nb_store_get_followups_model (store);
      g_signal_connect (people, "items-changed", G_CALLBACK (on_items_changed_cb), &splice);

      nb_store_transaction (store, big_commit_cb, &big, &error);
      g_assert_no_error (error);

      assert_models_current (store, people, timeline, big.ada, followups);
      g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people[run] + 2);
      g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, big.n_entries + 1);
      g_assert_cmpuint (g_list_model_get_n_items (followups), ==, big.n_entries / 2);
      if (n_people[run] > 64)
        {
          /* One splice of the whole list. */
          g_assert_cmpuint (splice.count, ==, 1);
          g_assert_cmpuint (splice.position, ==, 0);
          g_assert_cmpuint (splice.removed, ==, 3);
          g_assert_cmpuint (splice.added, ==, n_people[run] + 2);
        }
      test_assert_search_index_exact (store);
    }
}

static void
test_models_outlive_store (void)
{
  NbStore *store = test_open_new_store ();
  gint64 ada = test_add_person (store, "Ada", "", "");
  GListModel *timeline = nb_store_get_timeline_model (store, ada);
  GListModel *people = nb_store_get_people_model (store);

  g_assert_finalize_object (store);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_object_unref (timeline);
  g_object_unref (people);
}

static void
test_two_stores (void)
{
  g_autofree char *path = test_scratch_path ("shared.db");
  g_autoptr(NbStore) a = NULL;
  g_autoptr(NbStore) b = NULL;
  g_autoptr(GError) error = NULL;

  a = nb_store_open (path, &error);
  g_assert_no_error (error);
  b = nb_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 20; i++)
    {
      NbStore *writer = i % 2 ? a : b;
      NbStore *reader = i % 2 ? b : a;
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(NbPerson) seen = NULL;
      gint64 id;

      id = test_add_person (writer, name, "", "");
      test_add_entry (reader, NB_ENTRY_NOTE, id, "2024-05-02", name);
      seen = nb_store_get_person (reader, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nb_person_get_display_name (seen), ==, name);
    }

  {
    g_autoptr(GPtrArray) from_a = nb_store_list_people (a, NULL, TRUE, &error);
    g_autoptr(GPtrArray) from_b = nb_store_list_people (b, NULL, TRUE, &error);
    g_autoptr(GPtrArray) hits = nb_store_search (b, "person", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (from_a->len, ==, 20);
    g_assert_cmpuint (from_b->len, ==, 20);
    g_assert_cmpuint (hits->len, ==, 20);
  }
}

static void
on_changed_outside_cb (NbStore *store,
                       guint   *count)
{
  (*count)++;
}

static gboolean
check_outside_inside (NbStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  g_assert_false (nb_store_check_outside_changes (store));
  return TRUE;
}

/* What another process commits (netbook-cli while the app is open) is
 * noticed when asked, and the models are read again; the store's own
 * changes are not taken for it. */
static void
test_changed_outside (void)
{
  g_autofree char *path = test_scratch_path ("outside.db");
  g_autoptr(NbStore) app = NULL;
  g_autoptr(NbStore) cli = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GListModel) followups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) zed = NULL;
  guint count = 0;
  gint64 ada;

  app = nb_store_open (path, &error);
  g_assert_no_error (error);
  ada = test_add_person (app, "Ada Lovelace", "", "");
  test_add_person (app, "Zed Unchanged", "", "");
  people = nb_store_get_people_model (app);
  zed = g_list_model_get_item (people, 1);
  timeline = nb_store_get_timeline_model (app, ada);
  followups = nb_store_get_followups_model (app);
  g_signal_connect (app, "changed-outside", G_CALLBACK (on_changed_outside_cb), &count);

  /* Its own writes: signalled as they happen, not "outside". */
  test_add_entry (app, NB_ENTRY_NOTE, ada, "2024-05-01", "Own note");
  g_assert_false (nb_store_check_outside_changes (app));
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);

  cli = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (nb_store_check_outside_changes (app));
  test_add_person (cli, "Babbage Charles", "", "");
  test_add_entry (cli, NB_ENTRY_NOTE, ada, "2024-05-02", "Written by netbook-cli");
  {
    g_autoptr(NbEntry) followup = nb_entry_new (NB_ENTRY_FOLLOW_UP, ada, "2024-05-02", "Call back");

    nb_entry_set_due (followup, "2024-05-09");
    nb_store_add_entry (cli, followup, &error);
    g_assert_no_error (error);
  }

  /* Not seen before asked. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);

  /* Not inside a transaction either. */
  g_assert_true (nb_store_transaction (app, check_outside_inside, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);

  g_assert_true (nb_store_check_outside_changes (app));
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (followups), ==, 1);
  {
    g_autoptr(NbPerson) first = g_list_model_get_item (people, 0);
    g_autoptr(NbPerson) second = g_list_model_get_item (people, 1);
    g_autoptr(NbPerson) third = g_list_model_get_item (people, 2);

    /* Ada's last contact and due follow-up are new; Zed is untouched:
     * the same object, so the list keeps its row. */
    g_assert_cmpstr (nb_person_get_display_name (first), ==, "Ada Lovelace");
    g_assert_cmpstr (nb_person_get_last_contact (first), ==, "2024-05-02");
    g_assert_cmpstr (nb_person_get_display_name (second), ==, "Babbage Charles");
    g_assert_true (third == zed);
  }

  /* Once. */
  g_assert_false (nb_store_check_outside_changes (app));
  g_assert_cmpuint (count, ==, 1);

  /* Many at once (an import by netbook-cli): read again whole. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Imported %03u", i);

      test_add_person (cli, name, "", "");
    }
  g_assert_true (nb_store_check_outside_changes (app));
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 103);
}

typedef struct {
  char    *path;
  gint64   id;
  GError  *error;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *data = user_data;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbPerson) person = nb_person_new ("From the other thread");

  store = nb_store_open (data->path, &data->error);
  if (store != NULL)
    data->id = nb_store_add_person (store, person, &data->error);

  return NULL;
}

static gboolean
hold_the_lock_briefly (NbStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  WriterData *data = user_data;
  GThread *thread;

  test_add_person (store, "Holder", "", "");
  thread = g_thread_new ("writer", writer_thread, data);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (data->id, ==, 0);

  /* Let go by returning; the thread is joined after the commit. */
  g_object_set_data_full (G_OBJECT (store), "thread", thread, (GDestroyNotify) g_thread_join);
  return TRUE;
}

static void
test_busy_wait (void)
{
  g_autofree char *path = test_scratch_path ("busy.db");
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WriterData data = { path, 0, NULL };

  store = nb_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (nb_store_transaction (store, hold_the_lock_briefly, &data, &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (store), "thread", NULL);
  g_assert_no_error (data.error);
  g_assert_cmpint (data.id, >, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 2);
}

static void
test_backup (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_scratch_path ("backups");
  g_autofree char *dest = g_build_filename (dir, "netbook-backup.db", NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  test_fill_sample (store);

  /* Twice: the second replaces the first. */
  g_assert_true (nb_store_backup (store, dest, &error));
  g_assert_no_error (error);
  test_add_person (store, "After the first backup", "", "");
  g_assert_true (nb_store_backup (store, dest, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* One self-contained file (not WAL), nothing else left in the folder. */
  bytes = test_read_file (dest);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (bytes, NULL))[18], ==, 1);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  copy = nb_store_open (dest, &error);
  g_assert_no_error (error);
  people = nb_store_list_people (copy, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 4);

  /* Never over the notebook itself, whatever the name. */
  {
    g_autofree char *link = g_build_filename (dir, "link.db", NULL);

    g_assert_false (nb_store_backup (store, nb_store_get_path (store), &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (symlink (nb_store_get_path (store), link), ==, 0);
    g_assert_false (nb_store_backup (store, link, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_unlink (link);
  }

  /* A folder that does not exist: an error, nothing made. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "x.db", NULL);

    g_assert_false (nb_store_backup (store, nowhere, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
  }
}

static gboolean
add_then_fill_the_disk (NbStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  const char *big = user_data;
  gint64 id = test_add_person (store, "Before the disk filled up", "", "");
  g_autoptr(NbEntry) entry = nb_entry_new (NB_ENTRY_NOTE, id, "2024-05-02", big);

  return nb_store_add_entry (store, entry, error) != 0;
}

/* A full disk (simulated with max_page_count): the change is refused
 * with FULL, nothing of it stays, nothing is announced, and the store
 * works again once there is room. */
static void
test_disk_full (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *sql = NULL;
  Recorder rec;
  gint64 ada;

  ada = test_add_person (store, "Ada", "", "");
  while (big->len < 2 * 1024 * 1024)
    g_string_append (big, "a long note that will not fit ");

  recorder_connect (&rec, store);
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         test_sqlite_int (store->db, "PRAGMA page_count") + 8);
  test_sqlite_exec (store->db, sql);

  {
    g_autoptr(NbEntry) entry = nb_entry_new (NB_ENTRY_NOTE, ada, "2024-05-02", big->str);

    g_assert_cmpint (nb_store_add_entry (store, entry, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  g_assert_false (nb_store_transaction (store, add_then_fill_the_disk, big->str, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL);
  g_clear_error (&error);

  g_assert_cmpstr (rec.log->str, ==, "");
  g_assert_cmpuint (store->depth, ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 1);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, 0);

  test_sqlite_exec (store->db, "PRAGMA max_page_count = 1073741823");
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-02", big->str);
  recorder_clear (&rec);
}

static gboolean
hold_while_other_fails (NbStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  NbStore *other = user_data;
  g_autoptr(NbPerson) person = nb_person_new ("Waiting");
  g_autoptr(GError) other_error = NULL;

  test_add_person (store, "Holder", "", "");

  /* The other store gives up after its (shortened) busy timeout. */
  sqlite3_busy_timeout (other->db, 50);
  g_assert_cmpint (nb_store_add_person (other, person, &other_error), ==, 0);
  g_assert_error (other_error, NB_STORE_ERROR, NB_STORE_ERROR_BUSY);
  g_test_message ("%s", other_error->message);
  sqlite3_busy_timeout (other->db, NB_STORE_BUSY_TIMEOUT_MS);

  return TRUE;
}

static void
test_busy_error (void)
{
  g_autofree char *path = test_scratch_path ("busy-error.db");
  g_autoptr(NbStore) a = NULL;
  g_autoptr(NbStore) b = NULL;
  g_autoptr(GError) error = NULL;

  a = nb_store_open (path, &error);
  g_assert_no_error (error);
  b = nb_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (nb_store_transaction (a, hold_while_other_fails, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (b->depth, ==, 0);

  /* Once the lock is free, the other store writes. */
  test_add_person (b, "After", "", "");
  g_assert_cmpint (test_sqlite_int (b->db, "SELECT count (*) FROM people"), ==, 2);
}

static void
assert_goodwill (NbStore *store,
                 guint    expected_given,
                 guint    expected_received)
{
  g_autoptr(GError) error = NULL;
  guint given = G_MAXUINT, received = G_MAXUINT;

  g_assert_true (nb_store_get_goodwill (store, &given, &received, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (given, ==, expected_given);
  g_assert_cmpuint (received, ==, expected_received);
}

/* The goodwill balance is kept between calls: a change on the same
 * connection or a commit of another one counts it again. */
static void
test_goodwill_cache (void)
{
  g_autofree char *path = test_scratch_path ("goodwill.db");
  g_autoptr(NbStore) a = NULL;
  g_autoptr(NbStore) b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada, bob, help;

  a = nb_store_open (path, &error);
  g_assert_no_error (error);
  b = nb_store_open (path, &error);
  g_assert_no_error (error);

  ada = test_add_person (a, "Ada", "", "");
  bob = test_add_person (a, "Bob", "", "");
  assert_goodwill (a, 0, 0);
  assert_goodwill (b, 0, 0);

  /* Written by this connection, then by the other. */
  help = test_add_entry (a, NB_ENTRY_HELP_GIVEN, ada, "2024-06-01", "");
  assert_goodwill (a, 1, 0);
  assert_goodwill (a, 1, 0);
  assert_goodwill (b, 1, 0);
  test_add_entry (b, NB_ENTRY_HELP_RECEIVED, bob, "2024-06-01", "");
  assert_goodwill (b, 1, 1);
  assert_goodwill (a, 1, 1);

  /* Deleting and restoring an entry, a person. */
  nb_store_delete_entry (b, help, &error);
  g_assert_no_error (error);
  assert_goodwill (a, 0, 1);
  assert_goodwill (b, 0, 1);
  nb_store_undelete_entry (a, help, &error);
  g_assert_no_error (error);
  assert_goodwill (a, 1, 1);
  assert_goodwill (b, 1, 1);
  nb_store_delete_person (a, bob, &error);
  g_assert_no_error (error);
  assert_goodwill (b, 1, 0);
  assert_goodwill (a, 1, 0);
  nb_store_undelete_person (b, bob, &error);
  g_assert_no_error (error);
  assert_goodwill (a, 1, 1);
  assert_goodwill (b, 1, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/live/transaction", test_transaction);
  g_test_add_func ("/store/live/nested", test_nested);
  g_test_add_func ("/store/live/signals", test_signals);
  g_test_add_func ("/store/live/people-model", test_people_model);
  g_test_add_func ("/store/live/people-model-first", test_people_model_first);
  g_test_add_func ("/store/live/people-model-trust", test_people_model_trust);
  g_test_add_func ("/store/live/timeline-models", test_timeline_models);
  g_test_add_func ("/store/live/big-commits", test_big_commits);
  g_test_add_func ("/store/live/models-outlive-store", test_models_outlive_store);
  g_test_add_func ("/store/live/two-stores", test_two_stores);
  g_test_add_func ("/store/live/changed-outside", test_changed_outside);
  g_test_add_func ("/store/live/goodwill-cache", test_goodwill_cache);
  g_test_add_func ("/store/live/busy-wait", test_busy_wait);
  g_test_add_func ("/store/live/busy-error", test_busy_error);
  g_test_add_func ("/store/live/disk-full", test_disk_full);
  g_test_add_func ("/store/live/backup", test_backup);

  return g_test_run ();
}
