/* test-entry.c: timeline entries and events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-entry.h"
#include "nb-enum-types.h"
#include "nb-event.h"

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_new_defaults (void)
{
  g_setenv ("NETBOOK_TODAY", "2024-06-15", TRUE);

  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      NbEntryKind kind = (NbEntryKind) i;
      NbEntry *entry = nb_entry_new (kind, 3, NULL, NULL);

      g_assert_cmpint (nb_entry_get_kind (entry), ==, kind);
      g_assert_cmpint (nb_entry_get_person_id (entry), ==, 3);
      g_assert_cmpstr (nb_entry_get_date (entry), ==, "2024-06-15");
      g_assert_cmpstr (nb_entry_get_text (entry), ==, "");
      g_assert_cmpstr (nb_entry_get_due (entry), ==, "");
      g_assert_cmpint (nb_entry_get_status (entry), ==,
                       nb_entry_kind_has_status (kind) ? NB_STATUS_OPEN : NB_STATUS_NONE);
      g_assert_cmpint (nb_entry_get_id (entry), ==, 0);
      g_assert_cmpint (nb_entry_get_other_person_id (entry), ==, 0);
      g_assert_cmpint (nb_entry_get_event_id (entry), ==, 0);

      g_assert_finalize_object (entry);
    }

  g_unsetenv ("NETBOOK_TODAY");
}

static void
test_properties (void)
{
  NbEntry *entry = nb_entry_new (NB_ENTRY_NOTE, 1, "2024-01-02", "hello");
  guint text_count = 0, date_count = 0;
  NbEntryKind kind;
  NbStatus status;
  gint64 other = 0;
  g_autofree char *text = NULL;

  g_signal_connect (entry, "notify::text", G_CALLBACK (on_notify_cb), &text_count);
  g_signal_connect (entry, "notify::date", G_CALLBACK (on_notify_cb), &date_count);

  nb_entry_set_text (entry, "hello");
  g_assert_cmpuint (text_count, ==, 0);
  nb_entry_set_text (entry, "bye");
  nb_entry_set_text (entry, NULL);
  g_assert_cmpuint (text_count, ==, 2);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "");

  nb_entry_set_date (entry, "2024-01-02");
  g_assert_cmpuint (date_count, ==, 0);
  nb_entry_set_date (entry, "2024-01-03");
  g_assert_cmpuint (date_count, ==, 1);

  g_object_set (entry,
                "kind", NB_ENTRY_INTRODUCTION,
                "other-person-id", (gint64) 9,
                "event-id", (gint64) 4,
                "text", "met at BNI",
                NULL);
  g_object_get (entry,
                "kind", &kind,
                "status", &status,
                "other-person-id", &other,
                "text", &text,
                NULL);
  g_assert_cmpint (kind, ==, NB_ENTRY_INTRODUCTION);
  g_assert_cmpint (status, ==, NB_STATUS_NONE);
  g_assert_cmpint (other, ==, 9);
  g_assert_cmpint (nb_entry_get_event_id (entry), ==, 4);
  g_assert_cmpstr (text, ==, "met at BNI");

  g_assert_finalize_object (entry);
}

static void
test_kind_change_fixes_status (void)
{
  NbEntry *entry = nb_entry_new (NB_ENTRY_NOTE, 1, "2024-01-02", "call her");
  guint status_count = 0;

  g_signal_connect (entry, "notify::status", G_CALLBACK (on_notify_cb), &status_count);

  nb_entry_set_kind (entry, NB_ENTRY_FOLLOW_UP);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);
  g_assert_cmpuint (status_count, ==, 1);

  nb_entry_set_status (entry, NB_STATUS_DONE);
  /* "done" is not a status a challenge can have. */
  nb_entry_set_kind (entry, NB_ENTRY_CHALLENGE);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);

  /* "open" is fine for a dream: it stays. */
  status_count = 0;
  nb_entry_set_kind (entry, NB_ENTRY_DREAM);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);
  g_assert_cmpuint (status_count, ==, 0);

  nb_entry_set_kind (entry, NB_ENTRY_MEETING);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_NONE);

  g_assert_finalize_object (entry);
}

static void
test_overdue (void)
{
  g_autoptr(NbEntry) follow_up = nb_entry_new (NB_ENTRY_FOLLOW_UP, 1, "2024-06-01", "send deck");
  g_autoptr(NbEntry) note = nb_entry_new (NB_ENTRY_NOTE, 1, "2024-06-01", "");

  /* No due date: nothing to be late for. */
  g_assert_false (nb_entry_is_overdue (follow_up, "2024-06-15"));

  nb_entry_set_due (follow_up, "2024-06-14");
  g_assert_true (nb_entry_is_overdue (follow_up, "2024-06-15"));
  g_assert_false (nb_entry_is_overdue (follow_up, "2024-06-14"));
  g_assert_false (nb_entry_is_overdue (follow_up, "2024-06-13"));

  nb_entry_set_status (follow_up, NB_STATUS_DONE);
  g_assert_false (nb_entry_is_overdue (follow_up, "2024-06-15"));

  nb_entry_set_due (note, "2024-06-01");
  g_assert_false (nb_entry_is_overdue (note, "2024-06-15"));
}

static void
test_counts_as_contact (void)
{
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      NbEntryKind kind = (NbEntryKind) i;
      g_autoptr(NbEntry) entry = nb_entry_new (kind, 1, "2024-06-01", "");
      gboolean expected = kind != NB_ENTRY_DREAM && kind != NB_ENTRY_CHALLENGE && kind != NB_ENTRY_NEED;

      g_assert_cmpint (nb_entry_counts_as_contact (entry), ==, expected);
    }
}

static void
test_copy (void)
{
  NbEntry *entry = nb_entry_new (NB_ENTRY_FOLLOW_UP, 5, "2024-06-01", "send deck");
  NbEntry *copy;

  nb_entry_set_id (entry, 11);
  nb_entry_set_due (entry, "2024-06-10");
  nb_entry_set_status (entry, NB_STATUS_DONE);
  nb_entry_set_event_id (entry, 2);
  nb_entry_set_other_person_id (entry, 6);
  nb_entry_set_timestamps (entry, 100, 200);

  copy = nb_entry_copy (entry);
  g_assert_cmpint (nb_entry_get_id (copy), ==, 11);
  g_assert_cmpint (nb_entry_get_person_id (copy), ==, 5);
  g_assert_cmpint (nb_entry_get_kind (copy), ==, NB_ENTRY_FOLLOW_UP);
  g_assert_cmpint (nb_entry_get_status (copy), ==, NB_STATUS_DONE);
  g_assert_cmpstr (nb_entry_get_date (copy), ==, "2024-06-01");
  g_assert_cmpstr (nb_entry_get_due (copy), ==, "2024-06-10");
  g_assert_cmpstr (nb_entry_get_text (copy), ==, "send deck");
  g_assert_cmpint (nb_entry_get_event_id (copy), ==, 2);
  g_assert_cmpint (nb_entry_get_other_person_id (copy), ==, 6);
  g_assert_cmpint (nb_entry_get_created (copy), ==, 100);
  g_assert_cmpint (nb_entry_get_updated (copy), ==, 200);

  nb_entry_set_text (copy, "changed");
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "send deck");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (entry);
}

static void
test_event (void)
{
  NbEvent *event;
  guint count = 0;
  g_autofree char *place = NULL;

  g_setenv ("NETBOOK_TODAY", "2024-06-15", TRUE);
  event = nb_event_new ("BNI breakfast", NULL, NULL);
  g_unsetenv ("NETBOOK_TODAY");

  g_assert_cmpstr (nb_event_get_name (event), ==, "BNI breakfast");
  g_assert_cmpstr (nb_event_get_date (event), ==, "2024-06-15");
  g_assert_cmpstr (nb_event_get_place (event), ==, "");

  g_signal_connect (event, "notify::place", G_CALLBACK (on_notify_cb), &count);
  nb_event_set_place (event, "The Ritz");
  nb_event_set_place (event, "The Ritz");
  g_assert_cmpuint (count, ==, 1);

  nb_event_set_id (event, 3);
  nb_event_set_name (event, "Breakfast club");
  nb_event_set_date (event, "2024-06-01");
  g_object_get (event, "place", &place, NULL);
  g_assert_cmpstr (place, ==, "The Ritz");
  g_assert_cmpint (nb_event_get_id (event), ==, 3);
  g_assert_cmpstr (nb_event_get_name (event), ==, "Breakfast club");
  g_assert_cmpstr (nb_event_get_date (event), ==, "2024-06-01");

  g_assert_finalize_object (event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entry/new/defaults", test_new_defaults);
  g_test_add_func ("/entry/properties", test_properties);
  g_test_add_func ("/entry/kind-change-fixes-status", test_kind_change_fixes_status);
  g_test_add_func ("/entry/overdue", test_overdue);
  g_test_add_func ("/entry/counts-as-contact", test_counts_as_contact);
  g_test_add_func ("/entry/copy", test_copy);
  g_test_add_func ("/event", test_event);

  return g_test_run ();
}
