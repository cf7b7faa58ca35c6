/* test-store-entries.c: timelines, statuses, follow-ups, the agenda,
 * events, my profile, and hostile text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-date.h"
#include "store-test-util.h"

static GPtrArray *
timeline (NbStore *store,
          gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = nb_store_list_entries (store, person_id, &error);

  g_assert_no_error (error);
  return entries;
}

static void
test_every_kind (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 bob = test_add_person (store, "Bob", "", "");
  gint64 ids[NB_N_ENTRY_KINDS];

  for (guint k = 0; k < NB_N_ENTRY_KINDS; k++)
    {
      g_autoptr(NbEntry) entry = NULL;
      g_autofree char *text = g_strdup_printf ("entry %u", k);

      /* All on one day: the newest id comes first. */
      entry = nb_entry_new ((NbEntryKind) k, ada, "2024-05-02", text);
      if (k == NB_ENTRY_FOLLOW_UP)
        nb_entry_set_due (entry, "2024-05-09");
      if (k == NB_ENTRY_INTRODUCTION)
        nb_entry_set_other_person_id (entry, bob);

      ids[k] = nb_store_add_entry (store, entry, &error);
      g_assert_no_error (error);
      g_assert_cmpint (nb_entry_get_id (entry), ==, ids[k]);
      g_assert_cmpint (nb_entry_get_created (entry), >, 0);
    }

  entries = timeline (store, ada);
  g_assert_cmpuint (entries->len, ==, NB_N_ENTRY_KINDS);
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);
      guint k = NB_N_ENTRY_KINDS - 1 - i;
      g_autofree char *text = g_strdup_printf ("entry %u", k);

      g_assert_cmpint (nb_entry_get_id (entry), ==, ids[k]);
      g_assert_cmpint (nb_entry_get_kind (entry), ==, (int) k);
      g_assert_cmpstr (nb_entry_get_text (entry), ==, text);
      g_assert_cmpstr (nb_entry_get_date (entry), ==, "2024-05-02");
      g_assert_cmpint (nb_entry_get_status (entry), ==,
                       nb_entry_kind_has_status ((NbEntryKind) k) ? NB_STATUS_OPEN : NB_STATUS_NONE);
      g_assert_cmpint (nb_entry_get_person_id (entry), ==, ada);
    }

  {
    g_autoptr(NbEntry) followup = nb_store_get_entry (store, ids[NB_ENTRY_FOLLOW_UP], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nb_entry_get_due (followup), ==, "2024-05-09");
  }
}

static void
test_timeline_order_and_introductions (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) ada_entries = NULL;
  g_autoptr(GPtrArray) bob_entries = NULL;
  g_autoptr(GPtrArray) carol_entries = NULL;
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 bob = test_add_person (store, "Bob", "", "");
  gint64 carol = test_add_person (store, "Carol", "", "");
  gint64 old_id;
  gint64 new_id;
  gint64 intro_id;

  new_id = test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-06-01", "newer");
  old_id = test_add_entry (store, NB_ENTRY_NOTE, ada, "2023-01-01", "older");
  test_add_entry (store, NB_ENTRY_NOTE, bob, "2024-01-01", "Bob's own");

  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-03-01", "Ada meets Bob");
  nb_entry_set_other_person_id (intro, bob);
  intro_id = nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);

  ada_entries = timeline (store, ada);
  g_assert_cmpuint (ada_entries->len, ==, 3);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (ada_entries, 0)), ==, new_id);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (ada_entries, 1)), ==, intro_id);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (ada_entries, 2)), ==, old_id);

  bob_entries = timeline (store, bob);
  g_assert_cmpuint (bob_entries->len, ==, 2);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (bob_entries, 0)), ==, intro_id);
  g_assert_cmpint (nb_entry_get_other_person_id (g_ptr_array_index (bob_entries, 0)), ==, bob);

  carol_entries = timeline (store, carol);
  g_assert_cmpuint (carol_entries->len, ==, 0);

  /* Ada deleted: her introduction leaves Bob's timeline too, and comes
   * back with her. */
  nb_store_delete_person (store, ada, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bob_entries, g_ptr_array_unref);
  bob_entries = timeline (store, bob);
  g_assert_cmpuint (bob_entries->len, ==, 1);
  nb_store_undelete_person (store, ada, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bob_entries, g_ptr_array_unref);
  bob_entries = timeline (store, bob);
  g_assert_cmpuint (bob_entries->len, ==, 2);

  /* Moving the introduction to Carol's side. */
  nb_entry_set_other_person_id (intro, carol);
  nb_store_update_entry (store, intro, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bob_entries, g_ptr_array_unref);
  g_clear_pointer (&carol_entries, g_ptr_array_unref);
  bob_entries = timeline (store, bob);
  carol_entries = timeline (store, carol);
  g_assert_cmpuint (bob_entries->len, ==, 1);
  g_assert_cmpuint (carol_entries->len, ==, 1);
}

static void
assert_add_refused (NbStore *store,
                    NbEntry *entry,
                    int      code)
{
  g_autoptr(GError) error = NULL;
  gint64 before = test_sqlite_int (store->db, "SELECT count (*) FROM entries");

  g_assert_cmpint (nb_store_add_entry (store, entry, &error), ==, 0);
  g_assert_error (error, NB_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_cmpint (nb_entry_get_id (entry), ==, 0);
  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM entries"), ==, before);
}

static void
test_invalid_entries (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 gone = test_add_person (store, "Gone", "", "");

  nb_store_delete_person (store, gone, &error);
  g_assert_no_error (error);

  {
    g_autoptr(NbEntry) e = nb_entry_new (NB_ENTRY_NOTE, ada, "2024-02-30", "no such day");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_date (e, "2024-2-3");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_date (e, "2024-02-29");
    nb_entry_set_text (e, "bad \xc3\x28 utf-8");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_text (e, "fine");
    nb_entry_set_person_id (e, 999);
    assert_add_refused (store, e, NB_STORE_ERROR_NOT_FOUND);
    nb_entry_set_person_id (e, gone);
    assert_add_refused (store, e, NB_STORE_ERROR_NOT_FOUND);
    nb_entry_set_person_id (e, ada);
    nb_entry_set_event_id (e, 77);
    assert_add_refused (store, e, NB_STORE_ERROR_NOT_FOUND);
  }

  {
    g_autoptr(NbEntry) e = nb_entry_new (NB_ENTRY_FOLLOW_UP, ada, "2024-02-01", "call back");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_due (e, "2024-13-01");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
  }

  {
    g_autoptr(NbEntry) e = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-02-01", "to whom?");
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_other_person_id (e, ada);
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_other_person_id (e, 999);
    assert_add_refused (store, e, NB_STORE_ERROR_NOT_FOUND);
    nb_entry_set_other_person_id (e, gone);
    assert_add_refused (store, e, NB_STORE_ERROR_NOT_FOUND);
  }

  {
    g_autoptr(NbEntry) e = nb_entry_new (NB_ENTRY_NOTE, ada, "2024-02-01", "a note");

    nb_entry_set_status (e, NB_STATUS_DONE);
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
  }

  {
    g_autoptr(NbEntry) e = nb_entry_new (NB_ENTRY_DREAM, ada, "2024-02-01", "a dream");

    nb_entry_set_status (e, NB_STATUS_NONE);
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
    nb_entry_set_status (e, NB_STATUS_DONE);
    assert_add_refused (store, e, NB_STORE_ERROR_INVALID);
  }
}

/* Every status for every kind: accepted exactly when the kind allows it;
 * a refused change leaves the entry as it was. */
static void
test_status_changes (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  gint64 ada = test_add_person (store, "Ada", "", "");

  for (guint k = 0; k < NB_N_ENTRY_KINDS; k++)
    {
      g_autoptr(NbEntry) entry = nb_entry_new ((NbEntryKind) k, ada, "2024-05-02", "x");
      g_autoptr(GError) error = NULL;
      gint64 bob = 0;
      gint64 id;

      if (k == NB_ENTRY_FOLLOW_UP)
        nb_entry_set_due (entry, "2024-05-09");
      if (k == NB_ENTRY_INTRODUCTION)
        {
          bob = test_add_person (store, "Bob", "", "");
          nb_entry_set_other_person_id (entry, bob);
        }
      id = nb_store_add_entry (store, entry, &error);
      g_assert_no_error (error);

      for (guint s = 0; s < NB_N_STATUSES; s++)
        {
          g_autoptr(NbEntry) before = nb_store_get_entry (store, id, NULL);
          g_autoptr(NbEntry) after = NULL;
          gboolean accepted = nb_entry_kind_accepts_status ((NbEntryKind) k, (NbStatus) s);
          gboolean ok;

          ok = nb_store_set_entry_status (store, id, (NbStatus) s, &error);
          g_assert_true (ok == accepted);
          after = nb_store_get_entry (store, id, NULL);
          if (accepted)
            {
              g_assert_no_error (error);
              g_assert_cmpint (nb_entry_get_status (after), ==, (int) s);
            }
          else
            {
              g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
              g_clear_error (&error);
              g_assert_cmpint (nb_entry_get_status (after), ==, nb_entry_get_status (before));
            }
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (nb_store_set_entry_status (store, 999, NB_STATUS_DONE, &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_update_delete_undelete (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(NbEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 id;

  id = test_add_entry (store, NB_ENTRY_CHALLENGE, ada, "2024-05-02", "Restaurant clients");
  entry = nb_store_get_entry (store, id, &error);
  g_assert_no_error (error);

  nb_entry_set_text (entry, "Restaurant clients in Lisbon");
  nb_entry_set_date (entry, "2024-05-03");
  nb_entry_set_status (entry, NB_STATUS_RESOLVED);
  g_assert_true (nb_store_update_entry (store, entry, &error));
  g_assert_no_error (error);

  loaded = nb_store_get_entry (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_entry_get_text (loaded), ==, "Restaurant clients in Lisbon");
  g_assert_cmpstr (nb_entry_get_date (loaded), ==, "2024-05-03");
  g_assert_cmpint (nb_entry_get_status (loaded), ==, NB_STATUS_RESOLVED);
  g_assert_cmpint (nb_entry_get_created (loaded), ==, nb_entry_get_created (entry));

  /* Invalid updates change nothing. */
  nb_entry_set_date (entry, "2024-02-30");
  g_assert_false (nb_store_update_entry (store, entry, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (nb_store_delete_entry (store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = nb_store_get_entry (store, id, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nb_store_delete_entry (store, id, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  nb_entry_set_date (entry, "2024-05-03");
  g_assert_false (nb_store_update_entry (store, entry, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (nb_store_undelete_entry (store, id, &error));
  g_assert_no_error (error);
  loaded = nb_store_get_entry (store, id, &error);
  g_assert_no_error (error);

  g_assert_false (nb_store_undelete_entry (store, 999, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (nb_store_delete_entry (store, id, &error));
  g_assert_true (nb_store_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_false (nb_store_undelete_entry (store, id, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

static void
test_followups_and_agenda (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) cold = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  guint given = 0;
  guint received = 0;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 bob = test_add_person (store, "Bob", "", "");
  gint64 carol = test_add_person (store, "Carol", "", "");
  gint64 dan = test_add_person (store, "Dan", "", "");
  gint64 late;
  gint64 later;
  gint64 done;

  later = test_add_entry (store, NB_ENTRY_FOLLOW_UP, bob, "2024-07-01", "later");
  late = test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-06-01", "late");
  done = test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-05-01", "done already");
  nb_store_set_entry_status (store, done, NB_STATUS_DONE, &error);
  g_assert_no_error (error);
  test_add_entry (store, NB_ENTRY_FOLLOW_UP, ada, "2024-06-15", "due today");

  all = nb_store_list_followups (store, FALSE, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (all, 0)), ==, late);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (all, 2)), ==, later);

  overdue = nb_store_list_followups (store, TRUE, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (overdue, 0)), ==, late);
  g_assert_true (nb_entry_is_overdue (g_ptr_array_index (overdue, 0), "2024-06-15"));

  /* Due by a day: overdue and due that day, not later nor done; the
   * day itself counts. */
  {
    g_autoptr(GPtrArray) by_day = nb_store_list_followups_due_by (store, "2024-06-15", &error);
    g_autoptr(GPtrArray) by_july = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (by_day->len, ==, 2);
    g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (by_day, 0)), ==, late);
    g_assert_cmpstr (nb_entry_get_due (g_ptr_array_index (by_day, 1)), ==, "2024-06-15");

    by_july = nb_store_list_followups_due_by (store, "2024-07-01", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (by_july->len, ==, 3);
    g_assert_cmpint (nb_entry_get_id (g_ptr_array_index (by_july, 2)), ==, later);

    g_assert_null (nb_store_list_followups_due_by (store, "2024-13-01", &error));
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = nb_store_list_followups (store, TRUE, "2024-02-30", &error);
  g_assert_null (overdue);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Meetings after today, soonest first. */
  test_add_entry (store, NB_ENTRY_MEETING, ada, "2024-06-15", "today is not upcoming");
  test_add_entry (store, NB_ENTRY_MEETING, bob, "2024-08-01", "second");
  test_add_entry (store, NB_ENTRY_MEETING, ada, "2024-07-01", "first");
  meetings = nb_store_list_upcoming_meetings (store, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_cmpstr (nb_entry_get_text (g_ptr_array_index (meetings, 0)), ==, "first");

  /* Going cold: Carol's cadence is 30 days, last contact 60 days ago;
   * Dan's is 90 days, contact 60 days ago. */
  {
    g_autoptr(NbPerson) c = nb_store_get_person (store, carol, NULL);
    g_autoptr(NbPerson) d = nb_store_get_person (store, dan, NULL);

    nb_person_set_cadence_days (c, 30);
    nb_person_set_cadence_days (d, 90);
    nb_store_update_person (store, c, &error);
    g_assert_no_error (error);
    nb_store_update_person (store, d, &error);
    g_assert_no_error (error);
  }
  test_add_entry (store, NB_ENTRY_CONVERSATION, carol, "2024-04-16", "coffee");
  test_add_entry (store, NB_ENTRY_DREAM, carol, "2024-06-10", "dreams are not contact");
  test_add_entry (store, NB_ENTRY_CONVERSATION, dan, "2024-04-16", "coffee");
  cold = nb_store_list_going_cold (store, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cold->len, ==, 1);
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (cold, 0)), ==, carol);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (cold, 0)), ==, "2024-04-16");

  /* Met recently without any follow-up: Carol and Dan (met today, by
   * their cards' creation), not Ada or Bob. */
  recent = nb_store_list_recent_without_followup (store, NULL, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);

  /* Goodwill across the network. */
  test_add_entry (store, NB_ENTRY_HELP_GIVEN, ada, "2024-06-01", "");
  test_add_entry (store, NB_ENTRY_REFERRAL_GIVEN, ada, "2024-06-01", "");
  test_add_entry (store, NB_ENTRY_HELP_RECEIVED, bob, "2024-06-01", "");
  {
    g_autoptr(NbEntry) intro = nb_entry_new (NB_ENTRY_INTRODUCTION, ada, "2024-06-01", "");

    nb_entry_set_other_person_id (intro, bob);
    nb_store_add_entry (store, intro, &error);
    g_assert_no_error (error);
  }
  g_assert_true (nb_store_get_goodwill (store, &given, &received, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (given, ==, 3);
  g_assert_cmpuint (received, ==, 1);
}

static void
test_events (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(NbEvent) breakfast = nb_event_new ("Chamber breakfast", "2024-05-02", "Town hall");
  g_autoptr(NbEvent) mixer = nb_event_new ("Mixer", "2024-06-01", "");
  g_autoptr(NbEvent) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ada = test_add_person (store, "Ada", "", "");
  gint64 zed = test_add_person (store, "Zed", "", "");
  gint64 breakfast_id;

  breakfast_id = nb_store_add_event (store, breakfast, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_event_get_id (breakfast), ==, breakfast_id);
  nb_store_add_event (store, mixer, &error);
  g_assert_no_error (error);

  loaded = nb_store_get_event (store, breakfast_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_event_get_name (loaded), ==, "Chamber breakfast");
  g_assert_cmpstr (nb_event_get_date (loaded), ==, "2024-05-02");
  g_assert_cmpstr (nb_event_get_place (loaded), ==, "Town hall");

  events = nb_store_list_events (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (nb_event_get_name (g_ptr_array_index (events, 0)), ==, "Mixer");

  nb_store_add_attendee (store, breakfast_id, zed, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, breakfast_id, ada, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, breakfast_id, ada, &error);
  g_assert_no_error (error);
  attendees = nb_store_list_attendees (store, breakfast_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (nb_person_get_display_name (g_ptr_array_index (attendees, 0)), ==, "Ada");

  g_assert_false (nb_store_add_attendee (store, 999, ada, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nb_store_add_attendee (store, breakfast_id, 999, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = nb_store_get_event (store, 999, &error);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleted people are not listed as met. */
  nb_store_delete_person (store, zed, &error);
  g_clear_pointer (&attendees, g_ptr_array_unref);
  attendees = nb_store_list_attendees (store, breakfast_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 1);

  /* An entry captured at the event. */
  {
    g_autoptr(NbEntry) entry = nb_entry_new (NB_ENTRY_CONVERSATION, ada, "2024-05-02", "met");

    nb_entry_set_event_id (entry, breakfast_id);
    nb_store_add_entry (store, entry, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(NbEvent) nameless = nb_event_new ("  ", "2024-05-02", "");
    g_autoptr(NbEvent) bad_date = nb_event_new ("Gala", "2024-02-30", "");

    g_assert_cmpint (nb_store_add_event (store, nameless, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (nb_store_add_event (store, bad_date, &error), ==, 0);
    g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_profile (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *offers = NULL;
  g_autofree char *looking_for = NULL;

  g_assert_true (nb_store_get_profile (store, &offers, &looking_for, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (offers, ==, "");
  g_assert_cmpstr (looking_for, ==, "");
  g_clear_pointer (&offers, g_free);
  g_clear_pointer (&looking_for, g_free);

  g_assert_true (nb_store_set_profile (store, "Bookkeeping <b>&", "Restaurant owners", &error));
  g_assert_no_error (error);
  g_assert_true (nb_store_get_profile (store, &offers, &looking_for, &error));
  g_assert_cmpstr (offers, ==, "Bookkeeping <b>&");
  g_assert_cmpstr (looking_for, ==, "Restaurant owners");

  g_assert_false (nb_store_set_profile (store, "bad \xff", NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (nb_store_set_profile (store, NULL, NULL, &error));
  g_assert_true (nb_store_get_profile (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_hostile_text (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_sized_new (10 * 1024 * 1024 + 16);
  const char *texts[] = {
    "<b>&\"'</b> &amp; <script>alert(1)</script>",
    "'; DROP TABLE people;--",
    "\"a\" OR b* NEAR(x y) ^start col:value",
    "Line one\nLine two\r\n\ttabbed",
    "Emoji 🤝 and 漢字 and Zoë",
    "%_\\ LIKE wildcards",
  };
  gint64 ada = test_add_person (store, "<b>Ada</b> & \"Co\"", "", "");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(NbEntry) loaded = NULL;
      gint64 id = test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-02", texts[i]);

      loaded = nb_store_get_entry (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nb_entry_get_text (loaded), ==, texts[i]);
    }

  {
    g_autoptr(NbPerson) person = nb_store_get_person (store, ada, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nb_person_get_display_name (person), ==, "<b>Ada</b> & \"Co\"");
  }

  /* A 10 MB note comes back byte for byte. */
  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, "Notes from a very long meeting about Ångström units. ");
  {
    g_autoptr(NbEntry) loaded = NULL;
    gint64 id = test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-03", big->str);

    loaded = nb_store_get_entry (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (nb_entry_get_text (loaded)), ==, big->len);
    g_assert_true (memcmp (nb_entry_get_text (loaded), big->str, big->len) == 0);
  }

  g_assert_cmpint (test_sqlite_int (store->db, "SELECT count (*) FROM people"), ==, 1);
}

static void
assert_timeline_texts (NbStore    *store,
                       gint64      person_id,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = _nb_store_load_timeline (store, person_id, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    g_strv_builder_add (builder, nb_entry_get_text (g_ptr_array_index (entries, i)));
  texts = g_strv_builder_end (builder);
  joined = g_strjoinv ("|", texts);
  g_assert_cmpstr (joined, ==, expected);
}

static gboolean
add_and_fail_cb (NbStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  test_add_entry (store, NB_ENTRY_NOTE, GPOINTER_TO_INT (user_data), "2024-06-01", "Undone");
  assert_timeline_texts (store, GPOINTER_TO_INT (user_data), "Undone|Second|First, edited");

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return FALSE;
}

/* The last timeline read is kept (nb-store-cache.c) while nothing
 * changes: changes here, in a transaction rolled back, or by another
 * connection are seen. */
static void
test_timeline_follows_changes (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NbEntry) entry = NULL;
  g_autofree char *path = NULL;
  gint64 ada = test_add_person (store, "Ada Quill", "", "");
  gint64 ben = test_add_person (store, "Ben Quill", "", "");
  gint64 first;
  sqlite3 *db;

  first = test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-01", "First");
  assert_timeline_texts (store, ada, "First");
  assert_timeline_texts (store, ada, "First");
  test_add_entry (store, NB_ENTRY_NOTE, ada, "2024-05-02", "Second");
  assert_timeline_texts (store, ada, "Second|First");
  assert_timeline_texts (store, ben, "");
  assert_timeline_texts (store, ada, "Second|First");

  /* Two callers get arrays of their own. */
  {
    g_autoptr(GPtrArray) a = _nb_store_load_timeline (store, ada, &error);
    g_autoptr(GPtrArray) b = _nb_store_load_timeline (store, ada, &error);

    g_assert_no_error (error);
    g_assert_true (a != b);
    g_ptr_array_set_size (a, 0);
    g_assert_cmpuint (b->len, ==, 2);
  }

  entry = nb_store_get_entry (store, first, &error);
  g_assert_no_error (error);
  nb_entry_set_text (entry, "First, edited");
  nb_store_update_entry (store, entry, &error);
  g_assert_no_error (error);
  assert_timeline_texts (store, ada, "Second|First, edited");

  g_assert_false (nb_store_transaction (store, add_and_fail_cb, GINT_TO_POINTER (ada), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_timeline_texts (store, ada, "Second|First, edited");

  path = g_strdup (nb_store_get_path (store));
  db = test_sqlite_open (path);
  test_sqlite_exec (db, "UPDATE entries SET text = 'From elsewhere' WHERE text = 'Second'");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_timeline_texts (store, ada, "From elsewhere|First, edited");

  nb_store_delete_person (store, ada, &error);
  g_assert_no_error (error);
  assert_timeline_texts (store, ada, "");
}

static void
set_cadence_and_met (NbStore    *store,
                     gint64      id,
                     guint       cadence,
                     const char *met)
{
  g_autoptr(NbPerson) person = nb_store_get_person (store, id, NULL);
  g_autoptr(GError) error = NULL;

  nb_person_set_cadence_days (person, cadence);
  nb_person_set_field (person, NB_PERSON_MET_DATE, met);
  nb_store_update_person (store, person, &error);
  g_assert_no_error (error);
}

static void
add_introduction (NbStore    *store,
                  gint64      from,
                  gint64      to,
                  const char *date)
{
  g_autoptr(NbEntry) intro = nb_entry_new (NB_ENTRY_INTRODUCTION, from, date, "");
  g_autoptr(GError) error = NULL;

  nb_entry_set_other_person_id (intro, to);
  nb_store_add_entry (store, intro, &error);
  g_assert_no_error (error);
}

/* Going cold seeks the other side of introductions only for those their
 * own timeline does not keep warm: the other side must still count, as
 * the later contact, and not when its own person is deleted. */
static void
test_going_cold_other_side (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) cold = NULL;
  g_autoptr(GError) error = NULL;
  gint64 warm_by_intro = test_add_person (store, "Warm by an introduction", "", "");
  gint64 later_intro = test_add_person (store, "Cold, introduced later", "", "");
  gint64 own_later = test_add_person (store, "Cold, own contact later", "", "");
  gint64 never = test_add_person (store, "Never contacted", "", "");
  gint64 by_deleted = test_add_person (store, "Introduced by someone deleted", "", "");
  gint64 introducer = test_add_person (store, "Introducer", "", "");
  gint64 deleted = test_add_person (store, "Deleted", "", "");

  set_cadence_and_met (store, warm_by_intro, 30, "2023-01-01");
  set_cadence_and_met (store, later_intro, 30, "2023-01-01");
  set_cadence_and_met (store, own_later, 30, "2023-01-01");
  set_cadence_and_met (store, never, 30, "2024-01-01");
  set_cadence_and_met (store, by_deleted, 30, "2023-01-01");

  test_add_entry (store, NB_ENTRY_CONVERSATION, warm_by_intro, "2024-01-10", "");
  add_introduction (store, introducer, warm_by_intro, "2024-06-01");
  test_add_entry (store, NB_ENTRY_CONVERSATION, later_intro, "2024-01-10", "");
  add_introduction (store, introducer, later_intro, "2024-03-01");
  /* After today: not a contact yet. */
  add_introduction (store, introducer, later_intro, "2024-07-01");
  test_add_entry (store, NB_ENTRY_CONVERSATION, own_later, "2024-03-05", "");
  add_introduction (store, introducer, own_later, "2024-02-01");
  test_add_entry (store, NB_ENTRY_CONVERSATION, by_deleted, "2024-02-10", "");
  add_introduction (store, deleted, by_deleted, "2024-06-10");
  nb_store_delete_person (store, deleted, &error);
  g_assert_no_error (error);

  cold = nb_store_list_going_cold (store, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cold->len, ==, 4);
  /* Most overdue first: the never contacted (since 2024-01-01), then
   * the deleted introducer's (02-10), then 03-01, then 03-05. */
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (cold, 0)), ==, never);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (cold, 0)), ==, "");
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (cold, 1)), ==, by_deleted);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (cold, 1)), ==, "2024-02-10");
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (cold, 2)), ==, later_intro);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (cold, 2)), ==, "2024-03-01");
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (cold, 3)), ==, own_later);
  g_assert_cmpstr (nb_person_get_last_contact (g_ptr_array_index (cold, 3)), ==, "2024-03-05");
}

/* Met recently: the window's ends, by the met date; a card made today
 * without one counts from its creation. */
static void
test_met_recently_window (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = nb_date_today_iso ();
  gint64 first_day = test_add_person (store, "First day", "", "");
  gint64 before = test_add_person (store, "Day before", "", "");
  gint64 on_today = test_add_person (store, "Today", "", "");
  gint64 tomorrow = test_add_person (store, "Tomorrow", "", "");
  gint64 made_today = test_add_person (store, "Made today", "", "");

  set_cadence_and_met (store, first_day, 0, "2024-05-31");
  set_cadence_and_met (store, before, 0, "2024-05-30");
  set_cadence_and_met (store, on_today, 0, "2024-06-14");
  set_cadence_and_met (store, tomorrow, 0, "2024-06-15");

  recent = nb_store_list_recent_without_followup (store, "2024-06-14", 14, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (recent, 0)), ==, on_today);
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (recent, 1)), ==, first_day);
  g_clear_pointer (&recent, g_ptr_array_unref);

  recent = nb_store_list_recent_without_followup (store, today, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpint (nb_person_get_id (g_ptr_array_index (recent, 0)), ==, made_today);
  g_clear_pointer (&recent, g_ptr_array_unref);

  /* A whole lifetime back, past the first days of the calendar. */
  recent = nb_store_list_recent_without_followup (store, "2024-06-14", 1000000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/entries/every-kind", test_every_kind);
  g_test_add_func ("/store/entries/timeline-and-introductions", test_timeline_order_and_introductions);
  g_test_add_func ("/store/entries/invalid", test_invalid_entries);
  g_test_add_func ("/store/entries/status-changes", test_status_changes);
  g_test_add_func ("/store/entries/update-delete-undelete", test_update_delete_undelete);
  g_test_add_func ("/store/entries/followups-and-agenda", test_followups_and_agenda);
  g_test_add_func ("/store/entries/going-cold-other-side", test_going_cold_other_side);
  g_test_add_func ("/store/entries/met-recently-window", test_met_recently_window);
  g_test_add_func ("/store/entries/events", test_events);
  g_test_add_func ("/store/entries/profile", test_profile);
  g_test_add_func ("/store/entries/hostile-text", test_hostile_text);
  g_test_add_func ("/store/entries/timeline-follows-changes", test_timeline_follows_changes);

  return g_test_run ();
}
