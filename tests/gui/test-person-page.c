/* test-person-page.c: one person's page on a small notebook: hostile
 * text shown literally, the meter, dreams/challenges/needs and their
 * statuses, follow-ups, the composer, the card saved as you go, delete
 * with undo, refused dates, a long note (its start, then Show All), and
 * how it looks wide and narrow, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "nb-composer.h"
#include "nb-entry-row.h"
#include "nb-gui-test.h"
#include "nb-gui-util.h"
#include "nb-person-card.h"
#include "nb-person-page.h"
#include "nb-trust-meter.h"

#define HOSTILE_NAME "<b>Bob</b> & \"Sons\""
#define HOSTILE_DREAM "<i>Studio</i> in Lisbon & a <span>boat</span>"
#define TODAY "2026-11-20"

typedef struct {
  NbStore      *store;
  GtkWindow    *window;
  NbPersonPage *page;
  GPtrArray    *toasts;   /* AdwToast* the page asked to show */
  gint64        opened;   /* last "open-person" */
  gint64        tom;
  gint64        bob;
  gint64        dream;
  gint64        old_dream;
  gint64        challenge;
  gint64        need;
  gint64        conversation;
  gint64        follow_up;
  gint64        introduction;
} Fixture;

/* ---- helpers ---------------------------------------------------------- */

static gint64
add_entry (NbStore     *store,
           gint64       person_id,
           NbEntryKind  kind,
           const char  *date,
           const char  *text)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (kind == NB_ENTRY_FOLLOW_UP)
    nb_entry_set_due (entry, "2026-11-17");
  id = nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gboolean
wait_until (gboolean (*condition) (Fixture *f),
            Fixture   *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (f) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return condition (f);
}

static void
collect (GtkWidget  *root,
         GType       type,
         GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static AdwPreferencesGroup *
find_group (Fixture    *f,
            const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (adw_preferences_group_get_title (group), title) == 0)
        return group;
    }

  g_assert_not_reached ();
}

/* The rows (not the placeholder) of the first boxed list in @group. */
static guint
count_rows (Fixture    *f,
            const char *group_title)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *group = GTK_WIDGET (find_group (f, group_title));
  guint n = 0;

  collect (group, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GtkWidget *list = g_ptr_array_index (lists, i);

      if (!gtk_widget_has_css_class (list, "boxed-list") || !gtk_widget_get_visible (list))
        continue;
      for (GtkWidget *child = gtk_widget_get_first_child (list);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_BOX_ROW (child))
          n++;
    }

  return n;
}

static AdwEntryRow *
find_entry_row (Fixture    *f,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ENTRY_ROW (row);
    }

  g_assert_not_reached ();
}

static AdwComboRow *
find_combo_row (Fixture    *f,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_COMBO_ROW (row);
    }

  g_assert_not_reached ();
}

static NbEntry *
get_entry (Fixture *f,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  NbEntry *entry = nb_store_get_entry (f->store, id, &error);

  g_assert_no_error (error);
  return entry;
}

static NbPerson *
get_bob (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  NbPerson *person = nb_store_get_person (f->store, f->bob, &error);

  g_assert_no_error (error);
  return person;
}

static guint
count_entries (Fixture *f)
{
  g_autoptr(GPtrArray) entries = nb_store_list_entries (f->store, f->bob, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

static AdwToast *
last_toast (Fixture *f)
{
  g_assert_cmpuint (f->toasts->len, >, 0);
  return g_ptr_array_index (f->toasts, f->toasts->len - 1);
}

static void
on_toast_cb (NbPersonPage *page,
             AdwToast     *toast,
             Fixture      *f)
{
  g_ptr_array_add (f->toasts, g_object_ref (toast));
}

static void
on_open_person_cb (NbPersonPage *page,
                   gint64        person_id,
                   Fixture      *f)
{
  f->opened = person_id;
}

static GtkTextView *
composer_text_view (Fixture *f)
{
  GtkWidget *composer = nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_COMPOSER);

  g_assert_nonnull (composer);
  return GTK_TEXT_VIEW (nb_gui_test_find (composer, GTK_TYPE_TEXT_VIEW));
}

/* The composer's entries: the date first, then the due date. */
static GtkEditable *
composer_entry (Fixture *f,
                guint    index)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *composer = nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_COMPOSER);

  collect (composer, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, >, index);
  return GTK_EDITABLE (g_ptr_array_index (entries, index));
}

static gboolean
composer_is_open (Fixture *f)
{
  GtkWidget *revealer = gtk_widget_get_parent (nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_COMPOSER));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* What pressing @keyval with @modifiers in the composer does, through
 * its own shortcut controllers. */
static gboolean
press_in_composer (Fixture         *f,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  return nb_gui_test_press (nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_COMPOSER),
                            keyval, modifiers);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

/* ---- fixture ------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("page-%d.db", g_test_rand_int_range (0, G_MAXINT));
  g_autoptr(NbPerson) tom = nb_person_new ("Tom O'Brien");
  g_autoptr(NbPerson) bob = nb_person_new (HOSTILE_NAME);
  g_autoptr(NbEntry) intro = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->store = nb_gui_test_open_store (name);
  f->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  f->tom = nb_store_add_person (f->store, tom, &error);
  g_assert_no_error (error);

  nb_person_set_field (bob, NB_PERSON_ROLE, "Owner");
  nb_person_set_field (bob, NB_PERSON_COMPANY, "<i>Acme</i> & Co");
  nb_person_set_field (bob, NB_PERSON_MET_DATE, "2024-05-02");
  nb_person_set_field (bob, NB_PERSON_MET_WHERE, "Chamber breakfast");
  nb_person_set_field (bob, NB_PERSON_EMAILS, "bob@example.com\nsons@example.com");
  nb_person_set_field (bob, NB_PERSON_TARGET_MARKET, "Restaurants opening a second site");
  nb_person_set_introduced_by (bob, f->tom);
  f->bob = nb_store_add_person (f->store, bob, &error);
  g_assert_no_error (error);

  f->dream = add_entry (f->store, f->bob, NB_ENTRY_DREAM, "2026-10-01", HOSTILE_DREAM);
  f->old_dream = add_entry (f->store, f->bob, NB_ENTRY_DREAM, "2025-01-10", "Run a marathon");
  g_assert_true (nb_store_set_entry_status (f->store, f->old_dream, NB_STATUS_ACHIEVED, &error));
  f->challenge = add_entry (f->store, f->bob, NB_ENTRY_CHALLENGE, "2026-10-01", "Finding reliable kitchen staff");
  f->need = add_entry (f->store, f->bob, NB_ENTRY_NEED, "2026-11-02", "A bookkeeper who knows restaurants");
  f->conversation = add_entry (f->store, f->bob, NB_ENTRY_CONVERSATION, "2026-11-02",
                               "Coffee after the chamber breakfast. Talked about <their> second site & staff.");
  f->follow_up = add_entry (f->store, f->bob, NB_ENTRY_FOLLOW_UP, "2026-11-02", "Send the printer contact");
  intro = nb_entry_new (NB_ENTRY_INTRODUCTION, f->bob, "2026-11-10", "Both in hospitality");
  nb_entry_set_other_person_id (intro, f->tom);
  f->introduction = nb_store_add_entry (f->store, intro, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 900);
  overlay = adw_toast_overlay_new ();
  gtk_window_set_child (f->window, overlay);
  f->page = NB_PERSON_PAGE (nb_person_page_new (f->store));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  g_signal_connect (f->page, "toast", G_CALLBACK (on_toast_cb), f);
  g_signal_connect (f->page, "open-person", G_CALLBACK (on_open_person_cb), f);

  nb_person_page_set_person_id (f->page, f->bob);
  gtk_window_present (f->window);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  g_assert_finalize_object (f->store);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_unsetenv ("NETBOOK_TODAY");
}

/* ---- tests -------------------------------------------------------------- */

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  GtkWidget *label;
  GtkWidget *avatar;

  g_assert_cmpint (nb_person_page_get_person_id (f->page), ==, f->bob);
  g_assert_true (nb_person_page_get_store (f->page) == f->store);

  /* Text from the database is never markup, anywhere on the page. */
  label = nb_gui_test_find_label (root, HOSTILE_NAME);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  /* The avatar, hidden until there is a person, shows their initials. */
  avatar = nb_gui_test_find (root, ADW_TYPE_AVATAR);
  g_assert_nonnull (avatar);
  g_assert_true (gtk_widget_get_mapped (avatar));
  g_assert_true (adw_avatar_get_show_initials (ADW_AVATAR (avatar)));
  g_assert_nonnull (nb_gui_test_find_label (root, "Owner · <i>Acme</i> & Co"));
  g_assert_nonnull (nb_gui_test_find_label (root, "Met 2 May 2024 at Chamber breakfast"));
  g_assert_nonnull (nb_gui_test_find_label (root, HOSTILE_DREAM));
  g_assert_nonnull (nb_gui_test_find_label (root, "Coffee after the chamber breakfast. Talked about <their> second site & staff."));

  /* "Introduced by Tom" leads to Tom, and so does the introduction. */
  label = nb_gui_test_find_label (root, "Tom O'Brien");
  g_assert_nonnull (label);
  g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpint (f->opened, ==, f->tom);
  f->opened = 0;
  g_assert_true (gtk_widget_activate_action (root, "person.open-person", "x", f->tom));
  g_assert_cmpint (f->opened, ==, f->tom);

  /* The card holds the fields, multi-valued ones separated by commas. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (f, "Name"))), ==, HOSTILE_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (f, "Emails"))), ==,
                   "bob@example.com, sons@example.com");
}

static void
test_meter (Fixture       *f,
            gconstpointer  data)
{
  NbTrustMeter *meter = NB_TRUST_METER (nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_TRUST_METER));
  g_autoptr(NbTrust) expected = NULL;
  g_autoptr(GError) error = NULL;
  NbTrust *shown;

  g_assert_nonnull (meter);
  expected = nb_store_compute_trust (f->store, f->bob, NULL, &error);
  g_assert_no_error (error);
  shown = nb_trust_meter_get_trust (meter);
  g_assert_nonnull (shown);
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    g_assert_cmpuint (nb_trust_get_score (shown, d), ==, nb_trust_get_score (expected, d));
  g_assert_cmpint (nb_trust_get_stage (shown), ==, nb_trust_get_stage (expected));
  g_assert_false (nb_trust_meter_get_compact (meter));

  /* A new entry moves the meter with it. */
  add_entry (f->store, f->bob, NB_ENTRY_MEETING, "2026-11-19", "Lunch at their first site");
  add_entry (f->store, f->bob, NB_ENTRY_HELP_GIVEN, "2026-11-19", "Sent two staff agencies");
  g_clear_object (&expected);
  expected = nb_store_compute_trust (f->store, f->bob, NULL, &error);
  g_assert_no_error (error);
  shown = nb_trust_meter_get_trust (meter);
  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    g_assert_cmpuint (nb_trust_get_score (shown, d), ==, nb_trust_get_score (expected, d));
}

static gboolean
dreams_empty (Fixture *f)
{
  return count_rows (f, "Dreams") == 0;
}

static gboolean
dreams_one (Fixture *f)
{
  return count_rows (f, "Dreams") == 1;
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(NbEntry) entry = NULL;

  /* Only open items; the achieved dream stays on the timeline only. */
  g_assert_cmpuint (count_rows (f, "Dreams"), ==, 1);
  g_assert_cmpuint (count_rows (f, "Challenges"), ==, 1);
  g_assert_cmpuint (count_rows (f, "Needs"), ==, 1);
  g_assert_cmpuint (count_rows (f, "Follow-ups"), ==, 1);
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, 7);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (find_group (f, "Follow-ups")), "Overdue by 3 days"));

  /* Achieved through the page: it fades out of its group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.set-status",
                                             "(xs)", f->dream, "achieved"));
  g_assert_true (wait_until (dreams_empty, f));
  entry = get_entry (f, f->dream);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_ACHIEVED);
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, 7);
  g_assert_cmpstr (adw_toast_get_title (last_toast (f)), ==, "Marked as Achieved");

  /* The toast's Undo opens it again. */
  g_signal_emit_by_name (last_toast (f), "button-clicked");
  g_assert_true (wait_until (dreams_one, f));
  g_clear_object (&entry);
  entry = get_entry (f, f->dream);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);

  /* Needs can be helped. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.set-status",
                                             "(xs)", f->need, "helped"));
  while (count_rows (f, "Needs") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&entry);
  entry = get_entry (f, f->need);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_HELPED);
}

static gboolean
dreams_two (Fixture *f)
{
  return count_rows (f, "Dreams") == 2;
}

/* netbook-cli adds a dream and changes the card while the page shows
 * the person: both show once the store notices. */
static void
test_changed_outside (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(NbStore) cli = NULL;
  g_autoptr(NbPerson) bob = NULL;
  g_autoptr(GError) error = NULL;

  cli = nb_store_open (nb_store_get_path (f->store), &error);
  g_assert_no_error (error);
  add_entry (cli, f->bob, NB_ENTRY_DREAM, TODAY, "A dream told to netbook-cli");
  bob = nb_store_get_person (cli, f->bob, &error);
  g_assert_no_error (error);
  nb_person_set_field (bob, NB_PERSON_COMPANY, "Outside & Sons");
  g_assert_true (nb_store_update_person (cli, bob, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_rows (f, "Dreams"), ==, 1);
  g_assert_true (nb_store_check_outside_changes (f->store));
  g_assert_true (wait_until (dreams_two, f));
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, 8);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      found |= g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->pdata[i])), "Outside & Sons") == 0;
    g_assert_true (found);
  }
}

static gboolean
followups_empty (Fixture *f)
{
  return count_rows (f, "Follow-ups") == 0;
}

static void
test_follow_up_done (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *group = GTK_WIDGET (find_group (f, "Follow-ups"));
  g_autoptr(NbEntry) entry = NULL;
  GtkWidget *check;

  check = nb_gui_test_find (group, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (wait_until (followups_empty, f));
  entry = get_entry (f, f->follow_up);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_DONE);

  g_signal_emit_by_name (last_toast (f), "button-clicked");
  g_clear_object (&entry);
  entry = get_entry (f, f->follow_up);
  g_assert_cmpint (nb_entry_get_status (entry), ==, NB_STATUS_OPEN);
  g_assert_cmpuint (count_rows (f, "Follow-ups"), ==, 1);
}

static void
test_compose (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  guint before = count_entries (f);
  g_autoptr(GPtrArray) entries = NULL;
  GtkTextView *view;
  NbEntry *added;

  /* Closed until used; save and cancel only work while it is open. */
  g_assert_false (composer_is_open (f));
  gtk_widget_activate_action (root, "person.save-entry", NULL);
  g_assert_cmpuint (count_entries (f), ==, before);
  g_assert_false (composer_is_open (f));

  nb_person_page_compose (f->page, NB_ENTRY_CONVERSATION);
  g_assert_true (composer_is_open (f));
  view = composer_text_view (f);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_cmpstr (gtk_editable_get_text (composer_entry (f, 0)), ==, TODAY);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Talked about <b>menus</b> & wine", -1);
  g_assert_true (gtk_widget_activate_action (root, "person.save-entry", NULL));

  g_assert_false (composer_is_open (f));
  g_assert_cmpuint (count_entries (f), ==, before + 1);
  entries = nb_store_list_entries (f->store, f->bob, NULL);
  added = g_ptr_array_index (entries, 0);
  g_assert_cmpint (nb_entry_get_kind (added), ==, NB_ENTRY_CONVERSATION);
  g_assert_cmpstr (nb_entry_get_text (added), ==, "Talked about <b>menus</b> & wine");
  g_assert_cmpstr (nb_entry_get_date (added), ==, TODAY);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (find_group (f, "Timeline")),
                                            "Talked about <b>menus</b> & wine"));

  /* A follow-up from the group's Add button gets a due date. */
  g_assert_true (gtk_widget_activate_action (root, "person.compose", "s", "follow-up"));
  g_assert_true (composer_is_open (f));
  g_assert_cmpstr (gtk_editable_get_text (composer_entry (f, 1)), ==, "2026-11-27");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "Call about the bookkeeper", -1);
  /* Ctrl+Enter saves. */
  g_assert_true (press_in_composer (f, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpuint (count_rows (f, "Follow-ups"), ==, 2);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (find_group (f, "Follow-ups")), "Due in 7 days"));

  /* Escape throws the draft away. */
  nb_person_page_compose (f->page, NB_ENTRY_NOTE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "never mind", -1);
  g_assert_true (press_in_composer (f, GDK_KEY_Escape, 0));
  g_assert_false (composer_is_open (f));
  g_assert_cmpuint (count_entries (f), ==, before + 2);
}

static void
test_edit_entry (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  g_autoptr(NbEntry) entry = NULL;
  g_autofree char *text = NULL;
  guint before = count_entries (f);

  g_assert_true (gtk_widget_activate_action (root, "person.edit-entry", "x", f->conversation));
  g_assert_true (composer_is_open (f));
  text = dup_buffer_text (composer_text_view (f));
  g_assert_cmpstr (text, ==, "Coffee after the chamber breakfast. Talked about <their> second site & staff.");
  g_assert_cmpstr (gtk_editable_get_text (composer_entry (f, 0)), ==, "2026-11-02");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "Coffee, and a tour of the kitchen", -1);
  g_assert_true (gtk_widget_activate_action (root, "person.save-entry", NULL));
  g_assert_false (composer_is_open (f));

  entry = get_entry (f, f->conversation);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "Coffee, and a tour of the kitchen");
  g_assert_cmpstr (nb_entry_get_date (entry), ==, "2026-11-02");
  g_assert_cmpuint (count_entries (f), ==, before);
  g_assert_nonnull (nb_gui_test_find_label (root, "Coffee, and a tour of the kitchen"));
}

static void
test_invalid_composer_date (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  guint before = count_entries (f);
  g_autofree char *text = NULL;

  nb_person_page_compose (f->page, NB_ENTRY_MEETING);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "Lunch on a day that does not exist", -1);
  gtk_editable_set_text (composer_entry (f, 0), "2024-02-30");
  g_assert_true (gtk_widget_activate_action (root, "person.save-entry", NULL));

  /* Refused, marked, and nothing typed is lost. */
  g_assert_cmpuint (count_entries (f), ==, before);
  g_assert_true (composer_is_open (f));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (composer_entry (f, 0)), "error"));
  text = dup_buffer_text (composer_text_view (f));
  g_assert_cmpstr (text, ==, "Lunch on a day that does not exist");

  /* Fixed, it saves. */
  gtk_editable_set_text (composer_entry (f, 0), "2024-02-29");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (composer_entry (f, 0)), "error"));
  g_assert_true (gtk_widget_activate_action (root, "person.save-entry", NULL));
  g_assert_cmpuint (count_entries (f), ==, before + 1);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  g_autoptr(NbEntry) back = NULL;
  guint rows = count_rows (f, "Timeline");

  g_assert_true (gtk_widget_activate_action (root, "person.delete-entry", "x", f->challenge));
  g_assert_null (nb_store_get_entry (f->store, f->challenge, NULL));
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, rows - 1);
  g_assert_cmpuint (count_rows (f, "Challenges"), ==, 0);
  g_assert_cmpstr (adw_toast_get_title (last_toast (f)), ==, "Entry deleted");
  g_assert_cmpstr (adw_toast_get_button_label (last_toast (f)), ==, "_Undo");

  g_signal_emit_by_name (last_toast (f), "button-clicked");
  back = get_entry (f, f->challenge);
  g_assert_cmpstr (nb_entry_get_text (back), ==, "Finding reliable kitchen staff");
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, rows);
  g_assert_cmpuint (count_rows (f, "Challenges"), ==, 1);
}

static gboolean
role_saved (Fixture *f)
{
  g_autoptr(NbPerson) bob = get_bob (f);

  return g_strcmp0 (nb_person_get_role (bob), "Head chef") == 0;
}

static void
test_card_saves (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NbPerson) bob = NULL;
  AdwEntryRow *row;
  const char * const *tags;

  /* Applied. */
  row = find_entry_row (f, "Company");
  gtk_editable_set_text (GTK_EDITABLE (row), "Blue Harbor");
  g_signal_emit_by_name (row, "apply");
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_company (bob), ==, "Blue Harbor");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->page), "Owner · Blue Harbor"));

  /* After a pause in typing. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (f, "Role")), "Head chef");
  g_assert_true (wait_until (role_saved, f));

  /* When focus leaves the row, at once. */
  row = find_entry_row (f, "Industry");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "Food service");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_entry_row (f, "Location"))));
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_INDUSTRY), ==, "Food service");

  /* Multi-valued fields and tags. */
  row = find_entry_row (f, "Phones");
  gtk_editable_set_text (GTK_EDITABLE (row), "+1 555 0100,  +1 555 0199 ");
  g_signal_emit_by_name (row, "apply");
  row = find_entry_row (f, "Tags, separated by commas");
  gtk_editable_set_text (GTK_EDITABLE (row), "hospitality, insurance");
  g_signal_emit_by_name (row, "apply");
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_PHONES), ==, "+1 555 0100\n+1 555 0199");
  tags = nb_person_get_tags (bob);
  g_assert_cmpstr (tags[0], ==, "hospitality");
  g_assert_cmpstr (tags[1], ==, "insurance");
  g_assert_null (tags[2]);

  /* The cadence and rapport combo rows. */
  adw_combo_row_set_selected (find_combo_row (f, "Stay in touch"), 3);
  adw_combo_row_set_selected (find_combo_row (f, "Rapport"), 4);
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpuint (nb_person_get_cadence_days (bob), ==, 30);
  g_assert_cmpuint (nb_person_get_rapport (bob), ==, 4);
}

static void
test_card_invalid_date (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NbPerson) bob = NULL;
  AdwEntryRow *met = find_entry_row (f, "Met on");
  AdwEntryRow *company = find_entry_row (f, "Company");
  guint toasts;

  gtk_editable_set_text (GTK_EDITABLE (met), "2024-13-45");
  g_signal_emit_by_name (met, "apply");

  /* Refused with the store's message, marked, and kept. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (met), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (met)), ==, "2024-13-45");
  g_assert_nonnull (strstr (adw_toast_get_title (last_toast (f)), "2024-13-45"));
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_MET_DATE), ==, "2024-05-02");

  /* Told once, not again when focus leaves with the same text. */
  toasts = f->toasts->len;
  g_signal_emit_by_name (met, "apply");
  g_assert_cmpuint (f->toasts->len, ==, toasts);

  /* Other rows still save, and a reload keeps the refused text. */
  gtk_editable_set_text (GTK_EDITABLE (company), "Harbor Foods");
  g_signal_emit_by_name (company, "apply");
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_company (bob), ==, "Harbor Foods");
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_MET_DATE), ==, "2024-05-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (met)), ==, "2024-13-45");

  /* An emptied name is refused too; the row keeps the empty text. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (f, "Name")), "   ");
  g_signal_emit_by_name (find_entry_row (f, "Name"), "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_entry_row (f, "Name")), "error"));
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_display_name (bob), ==, HOSTILE_NAME);

  /* Fixed, it saves and the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (met), "2024-05-03");
  g_signal_emit_by_name (met, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (met), "error"));
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_MET_DATE), ==, "2024-05-03");
}

static void
test_reload_keeps_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(NbPerson) bob = get_bob (f);
  g_autoptr(GError) error = NULL;
  AdwEntryRow *row = find_entry_row (f, "Location");

  /* Typing (not yet saved) survives a change made elsewhere. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Lisb");
  nb_person_set_field (bob, NB_PERSON_INDUSTRY, "Hospitality");
  g_assert_true (nb_store_update_person (f->store, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Lisb");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (f, "Industry"))), ==, "Hospitality");

  /* Another person first saves what was pending. */
  nb_person_page_set_person_id (f->page, f->tom);
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpstr (nb_person_get_field (bob, NB_PERSON_LOCATION), ==, "Lisb");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->page), "Tom O'Brien"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (f, "Location"))), ==, "");
  /* Tom sees the introduction from his side. */
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (find_group (f, "Timeline")), HOSTILE_NAME));

  /* A cadence set elsewhere (any number of days) shows as it is. */
  nb_person_page_set_person_id (f->page, f->bob);
  g_clear_object (&bob);
  bob = get_bob (f);
  nb_person_set_cadence_days (bob, 45);
  g_assert_true (nb_store_update_person (f->store, bob, &error));
  g_assert_cmpuint (adw_combo_row_get_selected (find_combo_row (f, "Stay in touch")), ==, 7);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (find_combo_row (f, "Stay in touch")), "Every 45 days"));
  g_clear_object (&bob);
  bob = get_bob (f);
  g_assert_cmpuint (nb_person_get_cadence_days (bob), ==, 45);

  nb_person_page_set_person_id (f->page, 0);
  g_assert_cmpint (nb_person_page_get_person_id (f->page), ==, 0);
}

static void
set_scheme (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
resize (Fixture *f,
        int      width,
        int      height)
{
  gtk_window_set_default_size (f->window, width, height);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  /* The compact switch happens after an allocation: give it a frame. */
  nb_gui_test_spin (100);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

static void
test_empty_person (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NbPerson) zoe = nb_person_new ("Zoë Ångström");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *status;
  gint64 id;

  id = nb_store_add_person (f->store, zoe, &error);
  g_assert_no_error (error);
  nb_person_page_set_person_id (f->page, id);
  resize (f, 360, 1000);

  /* No subtitle, no "met" line, no introducer; every group says so. */
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->page), "Zoë Ångström"));
  g_assert_false (gtk_widget_get_mapped (nb_gui_test_find_label (GTK_WIDGET (f->page), "Introduced by")));
  g_assert_cmpuint (count_rows (f, "Dreams"), ==, 0);
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, 0);

  /* The empty timeline invites the first conversation. */
  status = gtk_widget_get_parent (nb_gui_test_find_label (GTK_WIDGET (find_group (f, "Timeline")), "No Entries Yet"));
  g_assert_true (gtk_widget_get_mapped (status));
  texture = nb_gui_test_screenshot (GTK_WIDGET (f->window), "person-page-empty-360-light");

  g_signal_emit_by_name (gtk_widget_get_ancestor (nb_gui_test_find_label (status, "Add Conversation"), GTK_TYPE_BUTTON),
                         "clicked");
  g_assert_true (composer_is_open (f));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "Met at the salon fair", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.save-entry", NULL));
  g_assert_cmpuint (count_rows (f, "Timeline"), ==, 1);
  g_assert_false (gtk_widget_get_visible (status));

  /* Nobody: a quiet placeholder, and nothing to compose for. */
  nb_person_page_set_person_id (f->page, 0);
  nb_person_page_compose (f->page, NB_ENTRY_NOTE);
  g_assert_false (composer_is_open (f));
}

static GtkAdjustment *
page_adjustment (Fixture *f)
{
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  GtkAdjustment *adjustment = NULL;

  /* The page's own scroller is the tallest one. */
  collect (GTK_WIDGET (f->page), GTK_TYPE_SCROLLED_WINDOW, scrollers);
  for (guint i = 0; i < scrollers->len; i++)
    {
      GtkAdjustment *candidate = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, i));

      if (adjustment == NULL || gtk_adjustment_get_upper (candidate) > gtk_adjustment_get_upper (adjustment))
        adjustment = candidate;
    }

  return adjustment;
}

/* One view with the composer near the top. */
static void
composer_screenshot (Fixture    *f,
                     const char *name,
                     gboolean    dark)
{
  GtkWidget *composer = nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_COMPOSER);
  GtkAdjustment *adjustment;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");
  graphene_point_t point;

  set_scheme (dark);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  adjustment = page_adjustment (f);
  gtk_adjustment_set_value (adjustment, 0);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_compute_point (composer, GTK_WIDGET (f->page),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 80);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  texture = nb_gui_test_screenshot (GTK_WIDGET (f->window), file);
}

/* The page is taller than any screen: @n_shots views, top to bottom. */
static void
screenshots (Fixture    *f,
             const char *name,
             gboolean    dark,
             guint       n_shots)
{
  GtkAdjustment *adjustment;

  set_scheme (dark);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  adjustment = page_adjustment (f);

  for (guint i = 0; i < n_shots; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *file = g_strdup_printf ("%s-%s-%u", name, dark ? "dark" : "light", i + 1);
      double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double luminance;

      gtk_adjustment_set_value (adjustment, n_shots > 1 ? range * i / (n_shots - 1) : 0);
      nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
      texture = nb_gui_test_screenshot (GTK_WIDGET (f->window), file);
      luminance = nb_gui_test_luminance (texture);
      if (dark)
        g_assert_cmpfloat (luminance, <, 0.4);
      else
        g_assert_cmpfloat (luminance, >, 0.6);
    }

  gtk_adjustment_set_value (adjustment, 0);
}

static NbEntryRow *
find_timeline_row (Fixture *f,
                   gint64   entry_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), NB_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (nb_entry_get_id (nb_entry_row_get_entry (g_ptr_array_index (rows, i))) == entry_id)
      return g_ptr_array_index (rows, i);

  g_assert_not_reached ();
}

static GtkWidget *
find_show_all (NbEntryRow *row)
{
  GtkWidget *label = nb_gui_test_find_label (GTK_WIDGET (row), "Show All");

  return label != NULL ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;
}

/* One view with @widget near the top. */
static void
widget_screenshot (Fixture    *f,
                   GtkWidget  *widget,
                   const char *name)
{
  GtkAdjustment *adjustment = page_adjustment (f);
  g_autoptr(GdkTexture) texture = NULL;
  graphene_point_t point;

  gtk_adjustment_set_value (adjustment, 0);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->page),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 80);
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  texture = nb_gui_test_screenshot (GTK_WIDGET (f->window), name);
}

/* A long note: its row shows the first lines, literally, and Show All;
 * Show All opens the whole text, copied as written; editing it starts
 * from the whole text and saves it whole. A short note has no Show All. */
static void
test_long_note (Fixture       *f,
                gconstpointer  data)
{
  static const char * const sentences[] = {
    "Walked through the <b>second site</b> & its kitchen with the head chef.",
    "Staff turnover is the worry: three line cooks left since spring.",
    "He wants a bookkeeper who knows restaurants before the lease is signed.",
    "Ask Tom about the printer; the menus need reprinting before December.",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(NbEntry) saved = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *edited = NULL;
  const char *shown;
  NbEntryRow *row;
  GtkWidget *show_all;
  GtkWindow *full;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *label = NULL;
  GtkTextView *view;
  gint64 id;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "%u. %s%s", i + 1, sentences[i % G_N_ELEMENTS (sentences)],
                            i % 3 == 2 ? "\n\n" : " ");
  /* And one paragraph no label could lay out in time. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "Ünïcödé&<i>\xf0\x9f\xa7\x91\xe2\x80\x8d\xf0\x9f\x92\xbb</i> ");
  g_string_append (text, "The end.");
  id = add_entry (f->store, f->bob, NB_ENTRY_NOTE, "2026-11-18", text->str);
  resize (f, 1024, 900);

  row = find_timeline_row (f, id);
  collect (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len && label == NULL; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "1. Walked"))
      label = g_ptr_array_index (labels, i);
  g_assert_nonnull (label);
  shown = gtk_label_get_text (label);
  g_assert_true (g_str_has_prefix (shown, "1. Walked through the <b>second site</b> & its kitchen"));
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_assert_cmpuint (g_utf8_strlen (shown, -1), <=, NB_PREVIEW_LONG_CHARS + 1);
  show_all = find_show_all (row);
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_get_mapped (show_all));
  g_assert_true (gtk_widget_get_focusable (show_all));
  g_assert_false (gtk_widget_get_visible (find_show_all (find_timeline_row (f, f->conversation))));

  set_scheme (FALSE);
  widget_screenshot (f, GTK_WIDGET (row), "person-page-long-note-1024-light");
  set_scheme (TRUE);
  widget_screenshot (f, GTK_WIDGET (row), "person-page-long-note-1024-dark");
  set_scheme (FALSE);
  resize (f, 360, 900);
  widget_screenshot (f, GTK_WIDGET (row), "person-page-long-note-360-light");

  /* Show All, as the keyboard activates it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "entry.show-all", NULL));
  full = nb_gui_test_find_transient_window (f->window);
  g_assert_nonnull (full);
  g_assert_true (gtk_window_get_modal (full));
  nb_gui_test_wait_drawn (GTK_WIDGET (full));
  view = GTK_TEXT_VIEW (nb_gui_test_find (GTK_WIDGET (full), GTK_TYPE_TEXT_VIEW));
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  copied = nb_gui_test_dup_copied_text (view);
  g_assert_cmpuint (strlen (copied), ==, text->len);
  g_assert_true (g_str_equal (copied, text->str));
  nb_gui_test_wait_drawn (GTK_WIDGET (full));
  nb_gui_test_screenshot (GTK_WIDGET (full), "person-page-long-note-full-light");
  gtk_window_set_default_size (full, 360, 640);
  nb_gui_test_wait_drawn (GTK_WIDGET (full));
  nb_gui_test_screenshot (GTK_WIDGET (full), "person-page-long-note-full-360-light");
  gtk_window_destroy (full);
  resize (f, 1024, 900);

  /* Editing starts from, and saves, the whole text; its long
   * paragraphs are broken for display only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.edit-entry", "x", id));
  {
    g_autofree char *shown_lines = dup_buffer_text (composer_text_view (f));

    g_assert_cmpuint (strlen (shown_lines), >, text->len);
  }
  edited = nb_text_view_dup_text (composer_text_view (f));
  g_assert_cmpuint (strlen (edited), ==, text->len);
  g_assert_true (g_str_equal (edited, text->str));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.save-entry", NULL));
  g_assert_false (composer_is_open (f));
  saved = get_entry (f, id);
  g_assert_cmpuint (strlen (nb_entry_get_text (saved)), ==, text->len);
  g_assert_true (g_str_equal (nb_entry_get_text (saved), text->str));
}

/* The page switches the meter in an idle after an allocation: under
 * sanitizers that can take longer than the frames resize() waits for. */
static gboolean
meter_is_compact (Fixture *f)
{
  return nb_trust_meter_get_compact (NB_TRUST_METER (nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_TRUST_METER)));
}

static gboolean
meter_is_wide (Fixture *f)
{
  return !meter_is_compact (f);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  NbTrustMeter *meter = NB_TRUST_METER (nb_gui_test_find (GTK_WIDGET (f->page), NB_TYPE_TRUST_METER));
  g_autoptr(GdkTexture) texture = NULL;
  GtkMenuButton *button;
  GtkWidget *popover;

  resize (f, 1024, 1000);
  g_assert_false (nb_trust_meter_get_compact (meter));
  /* Every part in light; dark (the same widgets) at the top only, to
   * keep the test quick under sanitizers. */
  screenshots (f, "person-page-1024", FALSE, 3);
  screenshots (f, "person-page-1024", TRUE, 1);

  nb_person_page_compose (f->page, NB_ENTRY_INTRODUCTION);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer_text_view (f)), "Both looking for <b>suppliers</b>", -1);
  resize (f, 1024, 700);
  composer_screenshot (f, "person-page-composer-1024", FALSE);
  composer_screenshot (f, "person-page-composer-1024", TRUE);

  resize (f, 360, 1000);
  g_assert_true (wait_until (meter_is_compact, f));
  composer_screenshot (f, "person-page-composer-360", FALSE);
  composer_screenshot (f, "person-page-composer-360", TRUE);
  /* Editing a follow-up from the narrow page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.edit-entry", "x", f->follow_up));
  composer_screenshot (f, "person-page-composer-follow-up-360", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "person.cancel-compose", NULL);
  screenshots (f, "person-page-360", FALSE, 4);
  screenshots (f, "person-page-360", TRUE, 1);

  /* And back: wide again, not compact. */
  resize (f, 1024, 700);
  g_assert_true (wait_until (meter_is_wide, f));

  /* The Add Entry menu lists every kind with its icon. */
  set_scheme (FALSE);
  button = GTK_MENU_BUTTON (gtk_widget_get_ancestor (nb_gui_test_find_label (GTK_WIDGET (f->page), "Add Entry"),
                                                     GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  nb_gui_test_wait_drawn (popover);
  g_assert_nonnull (nb_gui_test_find_label (popover, "Referral received"));
  g_clear_object (&texture);
  texture = nb_gui_test_screenshot (popover, "person-page-add-entry-menu-light");
  /* Choosing a kind closes the menu and opens the composer with it. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (nb_gui_test_find_label (popover, "Meeting"), GTK_TYPE_BUTTON), "clicked");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (composer_is_open (f));
}

int
main (int   argc,
      char *argv[])
{
  nb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/person-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("identity", test_identity);
  ADD ("meter", test_meter);
  ADD ("groups", test_groups);
  ADD ("changed-outside", test_changed_outside);
  ADD ("follow-up-done", test_follow_up_done);
  ADD ("compose", test_compose);
  ADD ("edit-entry", test_edit_entry);
  ADD ("invalid-composer-date", test_invalid_composer_date);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("card-saves", test_card_saves);
  ADD ("card-invalid-date", test_card_invalid_date);
  ADD ("reload-keeps-edits", test_reload_keeps_edits);
  ADD ("empty-person", test_empty_person);
  ADD ("screenshots", test_screenshots);
  ADD ("long-note", test_long_note);

#undef ADD

  return nb_gui_test_run ();
}
