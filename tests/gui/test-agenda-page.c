/* test-agenda-page.c: the "Today" page shows what is due, overdue, coming
 * up and going cold, literally, hides what is empty, marks follow-ups done
 * with an undo, follows the store and the calendar, and looks right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "nb-agenda-page.h"
#include "nb-agenda-page-private.h"
#include "nb-agenda-page-section.h"
#include "nb-gui-util.h"
#include "nb-gui-test.h"
#include "nb-store.h"

#define TODAY "2026-11-23"
#define BOB "<b>Bob</b> & \"Sons\""
#define BOB_PROMISE "Call back about <i>the quote</i> & more"

typedef struct
{
  gint64 maria;
  gint64 tom;
  gint64 zoe;
  gint64 priya;
  gint64 bob;
  gint64 maria_promise;
  gint64 tom_promise;
} People;

typedef struct
{
  GtkWidget    *window;
  NbAgendaPage *page;
  AdwToast     *last_toast;
  guint         n_toasts;
  gint64        opened;
  guint         n_overdue_notifies;
} Harness;

/* ---- Store ------------------------------------------------------------- */

static NbStore *
open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), file, NULL);
  NbStore *store;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (NB_IS_STORE (store));

  return store;
}

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *met_date,
            const char *met_where,
            guint       cadence_days)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_date);
  nb_person_set_field (person, NB_PERSON_MET_WHERE, met_where);
  nb_person_set_cadence_days (person, cadence_days);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_entry (NbStore     *store,
           NbEntryKind  kind,
           gint64       person_id,
           const char  *date,
           const char  *text,
           const char  *due)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (due != NULL)
    nb_entry_set_due (entry, due);
  id = nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* One person or entry for every group of the page. Everyone has an old
 * meeting date, so that only Priya counts as met recently. */
static void
fill_store (NbStore *store,
            People  *people)
{
  people->maria = add_person (store, "Maria Rossi", "2024-05-02", "Chamber breakfast", 0);
  people->tom = add_person (store, "Tom O'Brien", "2025-01-15", "", 0);
  people->zoe = add_person (store, "Zoë Ångström", "2025-03-01", "", 30);
  people->priya = add_person (store, "Priya Raghunathan", "2026-11-20", "Chamber breakfast", 0);
  people->bob = add_person (store, BOB, "2025-06-01", "", 0);

  /* Overdue by 3 days, due in 3 days, and one too far ahead to show. */
  people->maria_promise = add_entry (store, NB_ENTRY_FOLLOW_UP, people->maria, "2026-11-10",
                                     "Send the printer contact", "2026-11-20");
  people->tom_promise = add_entry (store, NB_ENTRY_FOLLOW_UP, people->tom, "2026-11-15",
                                   "Introduce Tom to Priya", "2026-11-26");
  add_entry (store, NB_ENTRY_FOLLOW_UP, people->tom, "2026-11-15",
             "Ask about the spring fair", "2027-01-10");
  add_entry (store, NB_ENTRY_FOLLOW_UP, people->bob, "2026-11-01", BOB_PROMISE, "2026-11-13");

  /* A 1-to-1 ahead and one already past. */
  add_entry (store, NB_ENTRY_MEETING, people->maria, "2026-11-27", "Coffee at the chamber", NULL);
  add_entry (store, NB_ENTRY_MEETING, people->tom, "2026-11-02", "Lunch at Gino's", NULL);

  /* Zoë: every month, last heard from 90 days ago. */
  add_entry (store, NB_ENTRY_CONVERSATION, people->zoe, "2026-08-25", "Talked about salons", NULL);

  /* Two given (help, referral), one received. */
  add_entry (store, NB_ENTRY_HELP_GIVEN, people->maria, "2026-10-01", "Reviewed her portfolio", NULL);
  add_entry (store, NB_ENTRY_REFERRAL_GIVEN, people->tom, "2026-10-05", "Sent him a roofing job", NULL);
  add_entry (store, NB_ENTRY_HELP_RECEIVED, people->tom, "2026-09-01", "Lent me his van", NULL);
}

/* ---- Widgets ----------------------------------------------------------- */

static void
on_toast_cb (NbAgendaPage *page,
             AdwToast     *toast,
             Harness      *harness)
{
  AdwToastOverlay *overlay;

  g_clear_object (&harness->last_toast);
  harness->last_toast = g_object_ref (toast);
  harness->n_toasts++;

  /* What the window does with it. */
  overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY));
  adw_toast_overlay_add_toast (overlay, g_object_ref (toast));
}

static void
on_open_person_cb (NbAgendaPage *page,
                   gint64        person_id,
                   Harness      *harness)
{
  harness->opened = person_id;
}

static void
on_n_overdue_notify_cb (NbAgendaPage *page,
                        GParamSpec   *pspec,
                        Harness      *harness)
{
  harness->n_overdue_notifies++;
}

/* Shows @page (nb_agenda_page_new() or _new_first_screen()). */
static void
harness_open_page (Harness   *harness,
                   GtkWidget *page,
                   int        width,
                   int        height)
{
  GtkWidget *box, *header, *overlay;

  memset (harness, 0, sizeof *harness);

  harness->page = NB_AGENDA_PAGE (page);
  gtk_widget_set_vexpand (GTK_WIDGET (harness->page), TRUE);
  g_signal_connect (harness->page, "toast", G_CALLBACK (on_toast_cb), harness);
  g_signal_connect (harness->page, "open-person", G_CALLBACK (on_open_person_cb), harness);
  g_signal_connect (harness->page, "notify::n-overdue", G_CALLBACK (on_n_overdue_notify_cb), harness);

  /* Where the main window puts it: under a header bar, in the overlay. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (harness->page));
  gtk_box_append (GTK_BOX (box), overlay);

  harness->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (harness->window), "Netbook");
  gtk_window_set_default_size (GTK_WINDOW (harness->window), width, height);
  adw_window_set_content (ADW_WINDOW (harness->window), box);
  gtk_window_present (GTK_WINDOW (harness->window));
  nb_gui_test_wait_drawn (harness->window);
}

static void
harness_open (Harness *harness,
              NbStore *store,
              int      width,
              int      height)
{
  harness_open_page (harness, nb_agenda_page_new (store), width, height);
}

static void
harness_close (Harness *harness)
{
  if (harness->last_toast != NULL)
    adw_toast_dismiss (harness->last_toast);
  g_clear_object (&harness->last_toast);

  /* The page goes with its window: nothing else holds on to it. */
  g_object_add_weak_pointer (G_OBJECT (harness->page), (gpointer *) &harness->page);
  gtk_window_destroy (GTK_WINDOW (harness->window));
  nb_gui_test_spin (10);
  g_assert_null (harness->page);
}

/* Lets the page's idle refresh run. */
static void
settle (void)
{
  nb_gui_test_spin (50);
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_overdue_section (NbAgendaPage *page)
{
  GtkWidget *title = nb_gui_test_find_label (GTK_WIDGET (page), "Overdue");

  g_assert_nonnull (title);
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  /* The title shares a line with the count, above the list. */
  return gtk_widget_get_parent (gtk_widget_get_parent (title));
}

/* Rows under @root (a group also holds its own, empty list box). */
static guint
count_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

/* The row titled @title is shown, in @section, with @subtitle; both as
 * plain text, whatever characters they hold. */
static AdwActionRow *
assert_row (GtkWidget  *section,
            const char *title,
            const char *subtitle)
{
  AdwActionRow *row = find_row (section, title);

  if (row == NULL)
    g_test_message ("No row titled “%s”", title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
  /* What the labels really display. */
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (row), title));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (row), subtitle));

  return row;
}

/* The last row of a long section, or NULL. */
static GtkListBoxRow *
find_more_row (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX_ROW (root) && gtk_widget_has_css_class (root, "nb-show-more"))
    return GTK_LIST_BOX_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *found = find_more_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The "Show More" row of @section says @label, and is the last row. */
static GtkListBoxRow *
assert_more_row (GtkWidget  *section,
                 const char *label)
{
  GtkListBoxRow *row = find_more_row (section);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (row), label));
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (row)));

  return row;
}

/* Whether the page shows "All Caught Up" instead of the agenda. */
static gboolean
is_caught_up (NbAgendaPage *page)
{
  GtkWidget *stack = nb_gui_test_find (GTK_WIDGET (page), GTK_TYPE_STACK);
  GtkWidget *status = nb_gui_test_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);

  g_assert_nonnull (stack);
  g_assert_nonnull (status);
  return gtk_stack_get_visible_child (GTK_STACK (stack)) == status;
}

static GtkCheckButton *
find_done_check (AdwActionRow *row)
{
  GtkWidget *check = nb_gui_test_find (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

/* ---- Tests ------------------------------------------------------------- */

static void
assert_phrase (char       *phrase,
               const char *expected)
{
  g_assert_cmpstr (phrase, ==, expected);
  g_free (phrase);
}

static void
test_agenda_phrases (void)
{
  assert_phrase (_nb_agenda_dup_due_phrase (-1), "overdue by 1 day");
  assert_phrase (_nb_agenda_dup_due_phrase (-45), "overdue by 45 days");
  assert_phrase (_nb_agenda_dup_due_phrase (0), "due today");
  assert_phrase (_nb_agenda_dup_due_phrase (1), "due tomorrow");
  assert_phrase (_nb_agenda_dup_due_phrase (6), "due in 6 days");

  assert_phrase (_nb_agenda_dup_cadence_phrase (1), "every day");
  assert_phrase (_nb_agenda_dup_cadence_phrase (7), "every week");
  assert_phrase (_nb_agenda_dup_cadence_phrase (14), "every 2 weeks");
  assert_phrase (_nb_agenda_dup_cadence_phrase (30), "every month");
  assert_phrase (_nb_agenda_dup_cadence_phrase (90), "every 3 months");
  assert_phrase (_nb_agenda_dup_cadence_phrase (365), "every year");
  assert_phrase (_nb_agenda_dup_cadence_phrase (730), "every 2 years");
  assert_phrase (_nb_agenda_dup_cadence_phrase (10), "every 10 days");

  assert_phrase (_nb_agenda_dup_last_contact_phrase (TODAY, TODAY), "last contact today");
  assert_phrase (_nb_agenda_dup_last_contact_phrase ("2026-11-22", TODAY), "last contact yesterday");
  assert_phrase (_nb_agenda_dup_last_contact_phrase ("2026-08-20", TODAY), "last contact 95 days ago");

  assert_phrase (_nb_agenda_dup_met_phrase (TODAY, 0, TODAY), "met today");
  assert_phrase (_nb_agenda_dup_met_phrase ("2026-11-22", 0, TODAY), "met yesterday");
  assert_phrase (_nb_agenda_dup_met_phrase ("2026-11-20", 0, TODAY), "met 3 days ago");
  /* No meeting date: counted from when the card was made. */
  assert_phrase (_nb_agenda_dup_met_phrase ("", 1795089600 /* 2026-11-19 12:00 UTC */, TODAY),
                 "met 4 days ago");

  assert_phrase (_nb_agenda_dup_summary (2, 3), "2 follow-ups overdue · 3 due this week");
  assert_phrase (_nb_agenda_dup_summary (1, 0), "1 follow-up overdue");
  assert_phrase (_nb_agenda_dup_summary (0, 1), "1 follow-up due this week");
  assert_phrase (_nb_agenda_dup_summary (0, 0), "No follow-ups due this week");

  assert_phrase (_nb_agenda_dup_goodwill_line (5, 2), "You’ve given 5 and received 2: farming, not hunting.");
  assert_phrase (_nb_agenda_dup_goodwill_line (1, 4),
                 "You’ve received 4 and given 1: a good moment to help someone.");

  assert_phrase (_nb_agenda_dup_date_heading ("2026-11-23"), "Monday, 23 November 2026");
  assert_phrase (_nb_agenda_dup_day ("2026-03-01", -1), "2026-02-28");
  assert_phrase (_nb_agenda_dup_day ("2026-12-28", 7), "2027-01-04");
  assert_phrase (_nb_agenda_dup_day ("not a date", 7), "not a date");
  assert_phrase (_nb_agenda_join_facts ("Maria Rossi", ""), "Maria Rossi");
  assert_phrase (_nb_agenda_join_facts ("", "due today"), "due today");

  assert_phrase (_nb_agenda_dup_show_more (50), "Show 50 More");
  assert_phrase (_nb_agenda_dup_show_more (1), "Show 1 More");
  assert_phrase (_nb_agenda_dup_shown_of (5, 1272), "5 of 1272 shown");
}

static void
test_agenda_groups (void)
{
  g_autoptr(NbStore) store = open_store ("groups");
  GtkWidget *page, *overdue, *due, *meetings, *cold, *recent, *goodwill;
  Harness harness;
  People people;

  fill_store (store, &people);
  harness_open (&harness, store, 800, 1000);
  page = GTK_WIDGET (harness.page);

  /* The header: today in words, and what is waiting. */
  g_assert_nonnull (nb_gui_test_find_label (page, "Today"));
  g_assert_nonnull (nb_gui_test_find_label (page, "Monday, 23 November 2026"));
  g_assert_nonnull (nb_gui_test_find_label (page, "2 follow-ups overdue · 1 due this week"));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 2);

  overdue = find_overdue_section (harness.page);
  g_assert_true (gtk_widget_get_mapped (overdue));
  g_assert_cmpuint (count_rows (overdue), ==, 2);
  /* Longest overdue first. */
  assert_row (overdue, BOB_PROMISE, BOB " · overdue by 10 days");
  assert_row (overdue, "Send the printer contact", "Maria Rossi · overdue by 3 days");
  g_assert_nonnull (find_done_check (find_row (overdue, "Send the printer contact")));

  due = find_group (page, "Due This Week");
  g_assert_nonnull (due);
  g_assert_cmpuint (count_rows (due), ==, 1);
  assert_row (due, "Introduce Tom to Priya", "Tom O'Brien · due in 3 days");
  /* Too far ahead for this week. */
  g_assert_null (find_row (page, "Ask about the spring fair"));

  meetings = find_group (page, "Upcoming 1-to-1s");
  g_assert_nonnull (meetings);
  g_assert_cmpuint (count_rows (meetings), ==, 1);
  assert_row (meetings, "Coffee at the chamber", "Maria Rossi · 27 November 2026 · in 4 days");
  g_assert_null (find_row (page, "Lunch at Gino's"));

  cold = find_group (page, "Going Cold");
  g_assert_nonnull (cold);
  g_assert_cmpuint (count_rows (cold), ==, 1);
  assert_row (cold, "Zoë Ångström", "last contact 90 days ago · every month");

  recent = find_group (page, "Met Recently");
  g_assert_nonnull (recent);
  g_assert_cmpuint (count_rows (recent), ==, 1);
  assert_row (recent, "Priya Raghunathan", "met 3 days ago · Chamber breakfast");

  goodwill = find_group (page, "Goodwill");
  g_assert_nonnull (goodwill);
  g_assert_true (gtk_widget_get_mapped (goodwill));
  g_assert_nonnull (nb_gui_test_find_label (goodwill, "2"));
  g_assert_nonnull (nb_gui_test_find_label (goodwill, "1"));
  g_assert_nonnull (nb_gui_test_find_label (goodwill, "You’ve given 2 and received 1: farming, not hunting."));

  g_assert_false (is_caught_up (harness.page));
  g_assert_false (gtk_widget_get_mapped (nb_gui_test_find (page, ADW_TYPE_STATUS_PAGE)));

  harness_close (&harness);
}

/* The window's first frame: the follow-ups at first, the rest once
 * asked for, or at once when there are no follow-ups (the rest then
 * decides whether there is an agenda). A change meanwhile reads it all. */
static void
test_agenda_first_screen (void)
{
  g_autoptr(NbStore) store = open_store ("first-screen");
  g_autoptr(NbStore) quiet = open_store ("first-screen-quiet");
  const char * const below[] = { "Upcoming 1-to-1s", "Going Cold", "Met Recently", "Goodwill" };
  GtkWidget *page;
  Harness harness;
  People people;

  fill_store (store, &people);
  harness_open_page (&harness, nb_agenda_page_new_first_screen (store), 800, 1000);
  page = GTK_WIDGET (harness.page);
  g_assert_nonnull (nb_gui_test_find_label (page, "2 follow-ups overdue · 1 due this week"));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 2);
  g_assert_cmpuint (count_rows (find_overdue_section (harness.page)), ==, 2);
  g_assert_cmpuint (count_rows (find_group (page, "Due This Week")), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    g_assert_false (gtk_widget_get_visible (find_group (page, below[i])));
  g_assert_false (is_caught_up (harness.page));

  nb_agenda_page_complete (harness.page);
  nb_gui_test_wait_drawn (harness.window);
  for (guint i = 0; i < G_N_ELEMENTS (below); i++)
    g_assert_true (gtk_widget_get_mapped (find_group (page, below[i])));
  assert_row (find_group (page, "Going Cold"), "Zoë Ångström", "last contact 90 days ago · every month");
  assert_row (find_group (page, "Upcoming 1-to-1s"), "Coffee at the chamber",
              "Maria Rossi · 27 November 2026 · in 4 days");
  /* Once is enough. */
  nb_agenda_page_complete (harness.page);
  g_assert_cmpuint (count_rows (find_group (page, "Going Cold")), ==, 1);
  g_assert_cmpuint (count_rows (find_group (page, "Met Recently")), ==, 1);
  harness_close (&harness);

  /* A change before the rest is asked for: all of it, at once. */
  harness_open_page (&harness, nb_agenda_page_new_first_screen (store), 800, 1000);
  page = GTK_WIDGET (harness.page);
  g_assert_false (gtk_widget_get_visible (find_group (page, "Going Cold")));
  add_entry (store, NB_ENTRY_NOTE, people.tom, "2026-11-22", "Called about the fair", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (find_group (page, "Going Cold")));
  nb_agenda_page_complete (harness.page);
  g_assert_cmpuint (count_rows (find_group (page, "Going Cold")), ==, 1);
  harness_close (&harness);

  /* No follow-ups: someone going cold is the agenda, shown at once. */
  people.zoe = add_person (quiet, "Zoë Ångström", "2025-03-01", "", 30);
  add_entry (quiet, NB_ENTRY_CONVERSATION, people.zoe, "2026-08-25", "Talked about salons", NULL);
  harness_open_page (&harness, nb_agenda_page_new_first_screen (quiet), 800, 1000);
  page = GTK_WIDGET (harness.page);
  g_assert_false (is_caught_up (harness.page));
  assert_row (find_group (page, "Going Cold"), "Zoë Ångström", "last contact 90 days ago · every month");
  harness_close (&harness);
}

static void
test_agenda_all_caught_up (void)
{
  g_autoptr(NbStore) store = open_store ("empty");
  GtkWidget *page, *status;
  Harness harness;

  harness_open (&harness, store, 800, 700);
  page = GTK_WIDGET (harness.page);

  status = nb_gui_test_find (page, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "All Caught Up");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, "emblem-ok-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "follow-up"));

  g_assert_false (gtk_widget_get_visible (find_overdue_section (harness.page)));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Due This Week")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Upcoming 1-to-1s")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Going Cold")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Met Recently")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Goodwill")));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 0);

  g_assert_true (is_caught_up (harness.page));
  /* No goodwill yet: nothing under the status. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (adw_status_page_get_child (ADW_STATUS_PAGE (status)))));

  harness_close (&harness);
}

static void
test_agenda_caught_up_with_goodwill (void)
{
  g_autoptr(NbStore) store = open_store ("goodwill-only");
  GtkWidget *status, *line;
  Harness harness;
  gint64 tom;

  tom = add_person (store, "Tom O'Brien", "2025-01-15", "", 0);
  add_entry (store, NB_ENTRY_HELP_GIVEN, tom, "2026-10-01", "Fixed his website", NULL);

  harness_open (&harness, store, 800, 700);

  /* Nothing to do, so the status page; the balance sits under it. */
  g_assert_true (is_caught_up (harness.page));
  status = nb_gui_test_find (GTK_WIDGET (harness.page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  line = nb_gui_test_find_label (status, "You’ve given 1 and received 0: farming, not hunting.");
  g_assert_nonnull (line);
  g_assert_true (gtk_widget_get_mapped (line));

  harness_close (&harness);
}

static void
test_agenda_hides_empty_groups (void)
{
  g_autoptr(NbStore) store = open_store ("one-meeting");
  GtkWidget *page;
  Harness harness;
  gint64 tom;

  tom = add_person (store, "Tom O'Brien", "2025-01-15", "", 0);
  add_entry (store, NB_ENTRY_MEETING, tom, "2026-12-01", "Walk by the river", NULL);

  harness_open (&harness, store, 800, 700);
  page = GTK_WIDGET (harness.page);

  g_assert_true (gtk_widget_get_mapped (find_group (page, "Upcoming 1-to-1s")));
  assert_row (page, "Walk by the river", "Tom O'Brien · 1 December 2026 · in 8 days");

  g_assert_false (gtk_widget_get_visible (find_overdue_section (harness.page)));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Due This Week")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Going Cold")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Met Recently")));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Goodwill")));
  g_assert_false (is_caught_up (harness.page));
  g_assert_nonnull (nb_gui_test_find_label (page, "No follow-ups due this week"));

  harness_close (&harness);
}

static void
test_agenda_done_and_undo (void)
{
  NbStore *store = open_store ("done");
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *overdue;
  AdwActionRow *row;
  Harness harness;
  People people;

  fill_store (store, &people);
  harness_open (&harness, store, 800, 1000);
  page = GTK_WIDGET (harness.page);
  overdue = find_overdue_section (harness.page);

  row = find_row (overdue, "Send the printer contact");
  g_assert_nonnull (row);
  gtk_check_button_set_active (find_done_check (row), TRUE);

  entry = nb_store_get_entry (store, people.maria_promise, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_DONE);
  g_clear_object (&entry);

  g_assert_cmpuint (harness.n_toasts, ==, 1);
  g_assert_cmpstr (adw_toast_get_title (harness.last_toast), ==, "Follow-up done");
  g_assert_cmpstr (adw_toast_get_button_label (harness.last_toast), ==, "_Undo");

  settle ();
  g_assert_null (find_row (page, "Send the printer contact"));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 1);
  g_assert_cmpuint (harness.n_overdue_notifies, ==, 1);
  g_assert_nonnull (nb_gui_test_find_label (page, "1 follow-up overdue · 1 due this week"));

  /* Undo: the promise is open again and back on the page. */
  g_signal_emit_by_name (harness.last_toast, "button-clicked");
  entry = nb_store_get_entry (store, people.maria_promise, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);

  settle ();
  row = assert_row (overdue, "Send the printer contact", "Maria Rossi · overdue by 3 days");
  g_assert_false (gtk_check_button_get_active (find_done_check (row)));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 2);
  g_assert_cmpuint (harness.n_overdue_notifies, ==, 2);

  /* Due-this-week follow-ups can be ticked off too. */
  row = find_row (find_group (page, "Due This Week"), "Introduce Tom to Priya");
  gtk_check_button_set_active (find_done_check (row), TRUE);
  settle ();
  g_assert_null (find_row (page, "Introduce Tom to Priya"));
  g_assert_false (gtk_widget_get_visible (find_group (page, "Due This Week")));
  g_assert_cmpuint (harness.n_toasts, ==, 2);

  harness_close (&harness);
  /* Nor do the toasts' undos keep the store alive. */
  g_assert_finalize_object (store);
}

static void
test_agenda_open_person (void)
{
  g_autoptr(NbStore) store = open_store ("open");
  GtkWidget *page;
  Harness harness;
  People people;

  fill_store (store, &people);
  harness_open (&harness, store, 800, 1000);
  page = GTK_WIDGET (harness.page);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_row (page, BOB_PROMISE))));
  g_assert_cmpint (harness.opened, ==, people.bob);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_row (page, "Zoë Ångström"))));
  g_assert_cmpint (harness.opened, ==, people.zoe);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_row (page, "Priya Raghunathan"))));
  g_assert_cmpint (harness.opened, ==, people.priya);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_row (page, "Coffee at the chamber"))));
  g_assert_cmpint (harness.opened, ==, people.maria);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_row (page, "Introduce Tom to Priya"))));
  g_assert_cmpint (harness.opened, ==, people.tom);

  harness_close (&harness);
}

static gboolean
add_three_promises (NbStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  gint64 person_id = *(gint64 *) user_data;

  add_entry (store, NB_ENTRY_FOLLOW_UP, person_id, "2026-11-01", "First promise", "2026-11-02");
  add_entry (store, NB_ENTRY_FOLLOW_UP, person_id, "2026-11-01", "Second promise", "2026-11-03");
  add_entry (store, NB_ENTRY_FOLLOW_UP, person_id, "2026-11-01", "Third promise", "2026-11-04");
  return TRUE;
}

static void
test_agenda_follows_store (void)
{
  g_autoptr(NbStore) store = open_store ("live");
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  Harness harness;
  gint64 maria;

  harness_open (&harness, store, 800, 700);
  page = GTK_WIDGET (harness.page);
  g_assert_true (is_caught_up (harness.page));

  /* Three changes in a row make one refresh: one notification. */
  maria = add_person (store, "Maria Rossi", "2024-05-02", "", 0);
  nb_store_transaction (store, add_three_promises, &maria, &error);
  g_assert_no_error (error);
  add_entry (store, NB_ENTRY_FOLLOW_UP, maria, "2026-11-01", "Fourth promise", "2026-11-05");
  settle ();
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 4);
  g_assert_cmpuint (harness.n_overdue_notifies, ==, 1);
  assert_row (page, "First promise", "Maria Rossi · overdue by 21 days");

  /* A renamed person is renamed on the page. */
  person = nb_store_get_person (store, maria, &error);
  g_assert_no_error (error);
  nb_person_set_field (person, NB_PERSON_DISPLAY_NAME, "Maria Bianchi");
  nb_store_update_person (store, person, &error);
  g_assert_no_error (error);
  settle ();
  assert_row (page, "First promise", "Maria Bianchi · overdue by 21 days");

  harness_close (&harness);
}

static void
test_agenda_day_change (void)
{
  g_autoptr(NbStore) store = open_store ("tomorrow");
  GtkWidget *page;
  Harness harness;
  People people;

  fill_store (store, &people);
  harness_open (&harness, store, 800, 1000);
  page = GTK_WIDGET (harness.page);

  /* Four days on, Tom's promise (due the 26th) is overdue too. */
  g_setenv ("NETBOOK_TODAY", "2026-11-27", TRUE);
  nb_agenda_page_refresh (harness.page);
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 3);
  g_assert_nonnull (nb_gui_test_find_label (page, "Friday, 27 November 2026"));
  assert_row (find_overdue_section (harness.page), "Introduce Tom to Priya",
              "Tom O'Brien · overdue by 1 day");
  assert_row (page, "Coffee at the chamber", "Maria Rossi · 27 November 2026 · today");

  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  nb_agenda_page_refresh (harness.page);
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 2);

  harness_close (&harness);
}

typedef struct
{
  gint64 person_id;
  guint  n;
} Promises;

/* @n follow-ups, overdue by n, n - 1, … 1 days: "Promise 1" is the most
 * overdue, so listed first. */
static gboolean
add_promises (NbStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Promises *promises = user_data;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 23, 12, 0, 0);

  for (guint i = 1; i <= promises->n; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -(int) (promises->n - i + 1));
      g_autofree char *due = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *text = g_strdup_printf ("Promise %u", i);

      add_entry (store, NB_ENTRY_FOLLOW_UP, promises->person_id, "2020-01-01", text, due);
    }
  return TRUE;
}

/* A long section shows its first few rows and a "Show More" row; the
 * count and the summary say how many there are in all. */
static void
test_agenda_show_more (void)
{
  g_autoptr(NbStore) store = open_store ("show-more");
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *overdue;
  GtkListBoxRow *more;
  GtkWidget *focus;
  AdwActionRow *row;
  Harness harness;
  Promises promises = { 0, 120 };

  promises.person_id = add_person (store, "Maria Rossi", "2024-05-02", "", 0);
  nb_store_transaction (store, add_promises, &promises, &error);
  g_assert_no_error (error);

  harness_open (&harness, store, 800, 1000);
  page = GTK_WIDGET (harness.page);
  overdue = find_overdue_section (harness.page);

  /* Rows for the first few only, most overdue first; the counts are full. */
  g_assert_cmpuint (count_rows (overdue), ==, NB_AGENDA_SECTION_FIRST);
  assert_row (overdue, "Promise 1", "Maria Rossi · overdue by 120 days");
  assert_row (overdue, "Promise 5", "Maria Rossi · overdue by 116 days");
  g_assert_null (find_row (overdue, "Promise 6"));
  g_assert_nonnull (nb_gui_test_find_label (overdue, "120"));
  g_assert_nonnull (nb_gui_test_find_label (page, "120 follow-ups overdue"));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 120);

  /* Show More, from the keyboard: 50 more rows, and the focus on the
   * first of them. */
  more = assert_more_row (overdue, "Show 50 More");
  gtk_widget_grab_focus (GTK_WIDGET (more));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (more)));
  g_assert_cmpuint (count_rows (overdue), ==, NB_AGENDA_SECTION_FIRST + NB_AGENDA_SECTION_STEP);
  row = assert_row (overdue, "Promise 6", "Maria Rossi · overdue by 115 days");
  assert_row (overdue, "Promise 55", "Maria Rossi · overdue by 66 days");
  g_assert_null (find_row (overdue, "Promise 56"));
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_true (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));

  /* The last step shows what is left, and no more row after it. */
  more = assert_more_row (overdue, "Show 50 More");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (more)));
  more = assert_more_row (overdue, "Show 15 More");
  g_assert_true (gtk_widget_activate (GTK_WIDGET (more)));
  g_assert_cmpuint (count_rows (overdue), ==, 120);
  g_assert_null (find_more_row (overdue));
  assert_row (overdue, "Promise 120", "Maria Rossi · overdue by 1 day");

  /* Ticking one off keeps the rest on show; the counts follow. */
  gtk_check_button_set_active (find_done_check (find_row (overdue, "Promise 3")), TRUE);
  settle ();
  g_assert_null (find_row (overdue, "Promise 3"));
  g_assert_cmpuint (count_rows (overdue), ==, 119);
  g_assert_nonnull (nb_gui_test_find_label (overdue, "119"));
  g_assert_nonnull (nb_gui_test_find_label (page, "119 follow-ups overdue"));
  g_assert_cmpuint (nb_agenda_page_get_n_overdue (harness.page), ==, 119);

  harness_close (&harness);
}

/* A section one row longer than its first rows shows that row rather
 * than a "Show 1 More" row in its place; one longer still does not. */
static void
test_agenda_show_more_threshold (void)
{
  g_autoptr(NbStore) store = open_store ("show-more-threshold");
  g_autoptr(GError) error = NULL;
  GtkWidget *overdue;
  Harness harness;
  Promises promises = { 0, NB_AGENDA_SECTION_FIRST + 1 };

  promises.person_id = add_person (store, "Maria Rossi", "2024-05-02", "", 0);
  nb_store_transaction (store, add_promises, &promises, &error);
  g_assert_no_error (error);

  harness_open (&harness, store, 800, 1000);
  overdue = find_overdue_section (harness.page);
  g_assert_cmpuint (count_rows (overdue), ==, NB_AGENDA_SECTION_FIRST + 1);
  g_assert_null (find_more_row (overdue));

  /* One more follow-up: the live refresh caps the section again. */
  add_entry (store, NB_ENTRY_FOLLOW_UP, promises.person_id, "2020-01-01", "Late one", "2026-11-22");
  settle ();
  g_assert_cmpuint (count_rows (overdue), ==, NB_AGENDA_SECTION_FIRST);
  assert_more_row (overdue, "Show 2 More");
  g_assert_nonnull (nb_gui_test_find_label (overdue, "7"));

  harness_close (&harness);
}

/* A huge note reaches a row's label as its start only. */
static void
test_agenda_long_text (void)
{
  g_autoptr(NbStore) store = open_store ("long-text");
  g_autoptr(GString) text = g_string_new ("Bring the catalogue");
  g_autofree char *preview = NULL;
  AdwActionRow *row;
  Harness harness;
  gint64 tom;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, " and the price list,\nagain");
  tom = add_person (store, "Tom O'Brien", "2025-01-15", "", 0);
  add_entry (store, NB_ENTRY_FOLLOW_UP, tom, "2026-11-01", text->str, "2026-11-20");
  add_entry (store, NB_ENTRY_MEETING, tom, "2026-11-27", text->str, NULL);

  harness_open (&harness, store, 800, 1000);

  preview = nb_text_preview (text->str, NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);
  g_assert_cmpuint (strlen (preview), <, 4 * NB_PREVIEW_SHORT_CHARS);
  row = assert_row (find_overdue_section (harness.page), preview, "Tom O'Brien · overdue by 3 days");
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "…"));
  assert_row (find_group (GTK_WIDGET (harness.page), "Upcoming 1-to-1s"), preview,
              "Tom O'Brien · 27 November 2026 · in 4 days");

  harness_close (&harness);
}

static void
screenshot (NbStore    *store,
            const char *name,
            int         width,
            int         height,
            gboolean    dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) texture = NULL;
  Harness harness;
  double luminance;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  harness_open (&harness, store, width, height);
  texture = nb_gui_test_screenshot (harness.window, name);
  luminance = nb_gui_test_luminance (texture);
  if (dark)
    g_assert_cmpfloat (luminance, <, 0.4);
  else
    g_assert_cmpfloat (luminance, >, 0.6);
  harness_close (&harness);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_agenda_screenshots (void)
{
  g_autoptr(NbStore) store = open_store ("screenshots");
  g_autoptr(NbStore) empty = open_store ("screenshots-empty");
  g_autoptr(NbStore) goodwill = open_store ("screenshots-goodwill");
  g_autoptr(NbStore) busy = open_store ("screenshots-busy");
  g_autoptr(GError) error = NULL;
  Promises promises = { 0, 120 };
  People people;
  gint64 tom;

  fill_store (store, &people);
  fill_store (busy, &people);
  promises.person_id = people.tom;
  nb_store_transaction (busy, add_promises, &promises, &error);
  g_assert_no_error (error);
  tom = add_person (goodwill, "Tom O'Brien", "2025-01-15", "", 0);
  add_entry (goodwill, NB_ENTRY_HELP_GIVEN, tom, "2026-10-01", "Fixed his website", NULL);
  add_entry (goodwill, NB_ENTRY_REFERRAL_RECEIVED, tom, "2026-10-02", "A roofing client", NULL);

  screenshot (store, "agenda-1024x768-light", 1024, 768, FALSE);
  screenshot (store, "agenda-1024x768-dark", 1024, 768, TRUE);
  screenshot (store, "agenda-1024x1400-light", 1024, 1400, FALSE);
  screenshot (store, "agenda-360x640-light", 360, 640, FALSE);
  screenshot (store, "agenda-360x640-dark", 360, 640, TRUE);
  screenshot (store, "agenda-360x1600-light", 360, 1600, FALSE);
  screenshot (busy, "agenda-busy-1024x768-light", 1024, 768, FALSE);
  screenshot (busy, "agenda-busy-360x640-dark", 360, 640, TRUE);
  screenshot (empty, "agenda-empty-1024x768-light", 1024, 768, FALSE);
  screenshot (goodwill, "agenda-caught-up-360x640-dark", 360, 640, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks what day it is. */
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);

  nb_gui_test_init (&argc, &argv);

  g_test_add_func ("/agenda/phrases", test_agenda_phrases);
  g_test_add_func ("/agenda/groups", test_agenda_groups);
  g_test_add_func ("/agenda/first-screen", test_agenda_first_screen);
  g_test_add_func ("/agenda/all-caught-up", test_agenda_all_caught_up);
  g_test_add_func ("/agenda/caught-up-with-goodwill", test_agenda_caught_up_with_goodwill);
  g_test_add_func ("/agenda/hides-empty-groups", test_agenda_hides_empty_groups);
  g_test_add_func ("/agenda/done-and-undo", test_agenda_done_and_undo);
  g_test_add_func ("/agenda/open-person", test_agenda_open_person);
  g_test_add_func ("/agenda/follows-store", test_agenda_follows_store);
  g_test_add_func ("/agenda/day-change", test_agenda_day_change);
  g_test_add_func ("/agenda/show-more", test_agenda_show_more);
  g_test_add_func ("/agenda/show-more-threshold", test_agenda_show_more_threshold);
  g_test_add_func ("/agenda/long-text", test_agenda_long_text);
  g_test_add_func ("/agenda/screenshots", test_agenda_screenshots);

  return nb_gui_test_run ();
}
