/* test-capture-window.c: the after-event quick capture: typing lines
 * from the keyboard, the hints (parse, match, problems), changing the
 * match, drafts that survive closing, saving through the store, the
 * main window's shortcut, toast and start-up offer, hostile text, and
 * screenshots at desktop and phone width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "nb-capture-window.h"
#include "nb-gui-test.h"
#include "nb-window.h"

#define HOSTILE_NAME "<b>Bob</b> & \"Sons\""
#define BOB_LINE "Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri"
#define PRIYA_LINE "Priya Raghunathan, Spa Olivia: looking for a bookkeeper"

typedef struct {
  char      *db_name;
  NbStore   *store;
  GSettings *settings;
  NbWindow  *window;
  gint64     robert;
  gint64     jane;
  gint64     hostile;
} Fixture;

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *company)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n_fixtures;

  f->db_name = g_strdup_printf ("capture-%u.db", n_fixtures++);
  f->store = nb_gui_test_open_store (f->db_name);
  f->robert = add_person (f->store, "Robert Haddad", "Blue Harbor Insurance");
  f->jane = add_person (f->store, "Jane Doe", "Acme");
  f->hostile = add_person (f->store, HOSTILE_NAME, "<i>Acme</i> & Co");

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int (f->settings, "window-width", 1024);
  g_settings_set_int (f->settings, "window-height", 768);
  f->window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

/* Every window but the main one: captures and their dialogs. */
static void
destroy_other_windows (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window) && !GTK_IS_SHORTCUTS_WINDOW (window))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_other_windows (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
  g_free (f->db_name);
}

static NbCaptureWindow *
find_capture (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (NB_IS_CAPTURE_WINDOW (window))
        return NB_CAPTURE_WINDOW (window);
    }

  return NULL;
}

static guint
count_captures (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += NB_IS_CAPTURE_WINDOW (window) ? 1 : 0;
    }

  return n;
}

static NbCaptureWindow *
new_capture (Fixture        *f,
             NbCaptureDraft *draft)
{
  NbCaptureWindow *capture;

  capture = NB_CAPTURE_WINDOW (nb_capture_window_new (GTK_WINDOW (f->window), f->store, draft));
  gtk_window_present (GTK_WINDOW (capture));
  nb_gui_test_wait_drawn (GTK_WIDGET (capture));

  return capture;
}

static GtkEditable *
line_entry (NbCaptureWindow *capture,
            guint            index)
{
  NbCaptureLineRow *line = nb_capture_window_get_line (capture, index);

  g_assert_nonnull (line);
  return nb_capture_line_row_get_entry (line);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Types @text on line @index and presses Enter. */
static void
type_line (NbCaptureWindow *capture,
           guint            index,
           const char      *text)
{
  GtkEditable *entry = line_entry (capture, index);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

/* What a key does on the focused line (the lines' key controller). */
static gboolean
press_key (NbCaptureWindow *capture,
           guint            keyval)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (nb_capture_window_get_line (capture, 0)));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static GPtrArray *
load_drafts_elsewhere (Fixture *f)
{
  g_autoptr(NbStore) other = nb_gui_test_open_store (f->db_name);
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = nb_store_load_capture_drafts (other, &error);

  g_assert_no_error (error);
  return drafts;
}

static void
test_typing_lines (Fixture       *f,
                   gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);

  /* A new capture starts on the event, today, with one empty line. */
  g_assert_true (has_focus_within (GTK_WIDGET (nb_capture_window_get_event_entry (capture))));
  g_assert_cmpstr (gtk_editable_get_text (nb_capture_window_get_date_entry (capture)), ==, "2026-11-23");
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 1);

  /* Enter starts the next line. */
  type_line (capture, 0, BOB_LINE);
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 2);
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 1))));

  /* Enter on an empty last line adds nothing. */
  g_signal_emit_by_name (line_entry (capture, 1), "activate");
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 1 + 1);

  type_line (capture, 1, PRIYA_LINE);
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 3);
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 2))));

  /* Up and Down move between lines; Up from the first goes to Place. */
  g_assert_true (press_key (capture, GDK_KEY_Up));
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 1))));
  g_assert_true (press_key (capture, GDK_KEY_Up));
  g_assert_true (press_key (capture, GDK_KEY_Up));
  g_assert_true (has_focus_within (GTK_WIDGET (nb_capture_window_get_place_entry (capture))));
  gtk_widget_grab_focus (GTK_WIDGET (line_entry (capture, 0)));
  g_assert_true (press_key (capture, GDK_KEY_Down));
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 1))));

  /* Enter in the middle inserts a line after it. */
  g_signal_emit_by_name (line_entry (capture, 0), "activate");
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 4);
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 1))));
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 2)), ==, PRIYA_LINE);

  /* Backspace on an empty line removes it and goes back. */
  g_assert_true (press_key (capture, GDK_KEY_BackSpace));
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 3);
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 0))));
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 1)), ==, PRIYA_LINE);
  /* ...but not on a line with text. */
  g_assert_false (press_key (capture, GDK_KEY_BackSpace));
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 3);
}

static void
test_hints (Fixture       *f,
            gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  NbCaptureLineRow *bob, *priya;

  bob = nb_capture_window_get_line (capture, 0);

  /* The hints follow the typing after a short pause... */
  gtk_editable_set_text (line_entry (capture, 0), BOB_LINE);
  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (bob), ==, "");
  nb_gui_test_spin (400);
  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (bob), !=, "");

  /* ...or at once when Enter ends the line. */
  g_signal_emit_by_name (line_entry (capture, 0), "activate");
  type_line (capture, 1, PRIYA_LINE);
  priya = nb_capture_window_get_line (capture, 1);
  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (priya), !=, "");
  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (bob), ==,
                   "↳ Bob Haddad · Blue Harbor · #insurance · follow-up Fri 27 Nov");
  assert_contains (nb_capture_line_row_get_match_hint (bob), "matches Robert Haddad (Blue Harbor Insurance)");
  assert_contains (nb_capture_line_row_get_match_hint (bob), "Bob is short for Robert");
  g_assert_cmpint (nb_capture_line_row_get_person_id (bob), ==, f->robert);
  g_assert_cmpstr (nb_capture_line_row_get_problem_hint (bob), ==, "");

  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (priya), ==, "↳ Priya Raghunathan · Spa Olivia");
  g_assert_cmpstr (nb_capture_line_row_get_match_hint (priya), ==, "↳ new person");
  g_assert_cmpint (nb_capture_line_row_get_person_id (priya), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_capture_line_row_get_change_button (priya))));

  /* Case, accents and small typos still match. */
  gtk_editable_set_text (line_entry (capture, 1), "JANE DOÉ");
  nb_capture_line_row_update_now (priya);
  g_assert_cmpint (nb_capture_line_row_get_person_id (priya), ==, f->jane);
  gtk_editable_set_text (line_entry (capture, 1), "Robert Hadad");
  nb_capture_line_row_update_now (priya);
  g_assert_cmpint (nb_capture_line_row_get_person_id (priya), ==, f->robert);

  /* A problem, in the error style, and the blank line has no hints. */
  gtk_editable_set_text (line_entry (capture, 1), "Tom Smith !someday");
  nb_capture_line_row_update_now (priya);
  g_assert_cmpstr (nb_capture_line_row_get_problem_hint (priya), !=, "");
  g_assert_cmpstr (nb_capture_line_row_get_parse_hint (nb_capture_window_get_line (capture, 2)), ==, "");
  g_assert_cmpstr (nb_capture_line_row_get_match_hint (nb_capture_window_get_line (capture, 2)), ==, "");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (capture), nb_capture_line_row_get_problem_hint (priya)));
  g_assert_true (gtk_widget_has_css_class (nb_gui_test_find_label (GTK_WIDGET (capture),
                                                                   nb_capture_line_row_get_problem_hint (priya)),
                                           "error"));
}

static void
test_change_match (Fixture       *f,
                   gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  NbCaptureLineRow *line;
  GtkMenuButton *change;
  GMenuModel *menu;

  type_line (capture, 0, "Bob Haddad: coffee next week");
  line = nb_capture_window_get_line (capture, 0);
  nb_capture_line_row_update_now (line);
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, f->robert);

  /* "Change" lists the alternatives and "New Person". */
  change = nb_capture_line_row_get_change_button (line);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (change)));
  menu = gtk_menu_button_get_menu_model (change);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)), ==,
                   (int) nb_capture_line_row_get_matches (line)->len);

  /* The user's choice wins. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (line), "line.choose", "x", (gint64) 0));
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, 0);
  g_assert_cmpstr (nb_capture_line_row_get_match_hint (line), ==, "↳ new person (your choice)");
  /* Typing the note keeps it. */
  gtk_editable_set_text (line_entry (capture, 0), "Bob Haddad: coffee next week, maybe lunch");
  nb_capture_line_row_update_now (line);
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (line), "line.choose", "x", f->robert));
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, f->robert);
  assert_contains (nb_capture_line_row_get_match_hint (line), "adds to Robert Haddad (Blue Harbor Insurance)");

  /* Another name is another question. */
  gtk_editable_set_text (line_entry (capture, 0), "Jane Doe: coffee");
  nb_capture_line_row_update_now (line);
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, f->jane);
  assert_contains (nb_capture_line_row_get_match_hint (line), "matches Jane Doe (Acme)");
}

static void
test_draft_saved_after_pause (Fixture       *f,
                              gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  NbCaptureDraft *draft;

  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  type_line (capture, 0, BOB_LINE);
  gtk_editable_set_text (line_entry (capture, 1), "Priya Ragh");

  /* Not while typing... */
  before = load_drafts_elsewhere (f);
  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpstr (nb_capture_window_get_draft_status (capture), ==, "");

  /* ...but once it pauses, and another connection sees it on disk. */
  nb_gui_test_spin (1000);
  after = load_drafts_elsewhere (f);
  g_assert_cmpuint (after->len, ==, 1);
  draft = g_ptr_array_index (after, 0);
  g_assert_cmpint (draft->id, ==, nb_capture_window_get_draft_id (capture));
  g_assert_cmpstr (draft->event_name, ==, "Chamber breakfast");
  g_assert_cmpstr (draft->event_date, ==, "2026-11-23");
  g_assert_cmpstr (draft->body, ==, BOB_LINE "\nPriya Ragh");
  g_assert_cmpstr (nb_capture_window_get_draft_status (capture), ==, "Draft saved");

  /* Typing without a pause still reaches the disk every second or so. */
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *text = g_strdup_printf ("Priya Raghunathan, Spa Olivia: %u", i);

      gtk_editable_set_text (line_entry (capture, 1), text);
      nb_gui_test_spin (100);
    }
  g_clear_pointer (&after, g_ptr_array_unref);
  after = load_drafts_elsewhere (f);
  draft = g_ptr_array_index (after, 0);
  g_assert_cmpstr (draft->body, !=, BOB_LINE "\nPriya Ragh");
  assert_contains (draft->body, "Priya Raghunathan, Spa Olivia: ");
}

static void
test_close_keeps_draft (Fixture       *f,
                        gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  NbCaptureDraft *draft;
  gint64 draft_id;

  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  gtk_editable_set_text (nb_capture_window_get_date_entry (capture), "2026-11-20");
  gtk_editable_set_text (nb_capture_window_get_place_entry (capture), "Harbor Hotel");
  type_line (capture, 0, BOB_LINE);
  type_line (capture, 1, PRIYA_LINE);
  /* Mid-sentence, and closed before the pause. */
  gtk_editable_set_text (line_entry (capture, 2), "Zoë Ångström: loves sail");
  gtk_window_close (GTK_WINDOW (capture));
  g_assert_null (find_capture ());

  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  draft_id = draft->id;
  g_assert_cmpstr (draft->place, ==, "Harbor Hotel");
  g_assert_cmpstr (draft->body, ==, BOB_LINE "\n" PRIYA_LINE "\nZoë Ångström: loves sail");

  /* Reopened, everything is back, on the same draft. */
  capture = new_capture (f, draft);
  g_assert_cmpint (nb_capture_window_get_draft_id (capture), ==, draft_id);
  g_assert_cmpstr (gtk_editable_get_text (nb_capture_window_get_event_entry (capture)), ==, "Chamber breakfast");
  g_assert_cmpstr (gtk_editable_get_text (nb_capture_window_get_date_entry (capture)), ==, "2026-11-20");
  g_assert_cmpstr (gtk_editable_get_text (nb_capture_window_get_place_entry (capture)), ==, "Harbor Hotel");
  g_assert_cmpuint (nb_capture_window_get_n_lines (capture), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 0)), ==, BOB_LINE);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 1)), ==, PRIYA_LINE);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 2)), ==, "Zoë Ångström: loves sail");
  /* The cursor is where the typing stopped. */
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 2))));
  g_assert_cmpstr (nb_capture_window_get_draft_status (capture), ==, "Draft saved");

  gtk_editable_set_text (line_entry (capture, 2), "Zoë Ångström: loves sailing");
  gtk_window_close (GTK_WINDOW (capture));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (draft->id, ==, draft_id);
  assert_contains (draft->body, "loves sailing");
}

static void
test_escape_asks (Fixture       *f,
                  gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWidget *dialog;

  /* Nothing typed: Escape just closes, leaving no draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (capture), "capture.cancel", NULL));
  g_assert_null (find_capture ());
  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* Something typed: it asks. Cancel goes back to typing. */
  capture = new_capture (f, NULL);
  type_line (capture, 0, BOB_LINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (capture), "capture.cancel", NULL));
  dialog = nb_gui_test_find_alert (GTK_WINDOW (capture));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (nb_dialog_get_default_response (dialog), ==, "keep");
  nb_gui_test_respond (dialog, "cancel");
  g_assert_null (nb_gui_test_find_alert (GTK_WINDOW (capture)));
  g_assert_true (find_capture () == capture);

  /* Keep Draft closes and keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (capture), "capture.cancel", NULL));
  dialog = nb_gui_test_find_alert (GTK_WINDOW (capture));
  nb_gui_test_respond (dialog, "keep");
  nb_gui_test_spin (100);
  g_assert_null (find_capture ());
  g_assert_null (nb_gui_test_find_alert (NULL));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 1);

  /* Discard throws the draft away. */
  capture = new_capture (f, g_ptr_array_index (drafts, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (capture), "capture.cancel", NULL));
  dialog = nb_gui_test_find_alert (GTK_WINDOW (capture));
  nb_gui_test_respond (dialog, "discard");
  nb_gui_test_spin (100);
  g_assert_null (find_capture ());
  g_assert_null (nb_gui_test_find_alert (NULL));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
on_saved_cb (NbCaptureWindow *capture,
             gint64           event_id,
             gpointer         user_data)
{
  *(gint64 *) user_data = event_id;
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
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbCaptureWindow) capture = NULL;
  g_autoptr(NbEvent) event = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(NbPerson) priya = NULL;
  gint64 event_id = 0;
  gint64 priya_id = 0;
  NbEntry *entry;

  /* Through the main window: Ctrl+Shift+N's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quick-capture", NULL));
  capture = g_object_ref (find_capture ());
  g_assert_nonnull (capture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (capture)) == GTK_WINDOW (f->window));
  /* An application window: app.quit closes it, which saves the draft. */
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (nb_gui_test_get_app ())),
                                 capture));
  /* One capture at a time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quick-capture", NULL));
  g_assert_cmpuint (count_captures (), ==, 1);
  g_signal_connect (capture, "saved", G_CALLBACK (on_saved_cb), &event_id);

  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  gtk_editable_set_text (nb_capture_window_get_date_entry (capture), "2026-11-20");
  gtk_editable_set_text (nb_capture_window_get_place_entry (capture), "Harbor Hotel");
  type_line (capture, 0, BOB_LINE);
  type_line (capture, 1, PRIYA_LINE);
  nb_gui_test_spin (1000);
  g_assert_cmpint (nb_capture_window_get_draft_id (capture), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (capture), "capture.save", NULL));
  g_assert_cmpint (event_id, >, 0);
  g_assert_null (find_capture ());
  g_assert_cmpuint (nb_capture_window_get_n_people_saved (capture), ==, 2);

  /* The event, its two attendees, and nobody twice. */
  event = nb_store_get_event (f->store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_event_get_name (event), ==, "Chamber breakfast");
  g_assert_cmpstr (nb_event_get_date (event), ==, "2026-11-20");
  g_assert_cmpstr (nb_event_get_place (event), ==, "Harbor Hotel");
  attendees = nb_store_list_attendees (f->store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  people = nb_store_list_people (f->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 4);

  /* Robert got the conversation, linked to the event, and the follow-up. */
  entries = nb_store_list_entries (f->store, f->robert, &error);
  g_assert_no_error (error);
  entry = find_entry (entries, NB_ENTRY_CONVERSATION);
  g_assert_nonnull (entry);
  g_assert_cmpstr (nb_entry_get_text (entry), ==, "wants restaurant referrals");
  g_assert_cmpint (nb_entry_get_event_id (entry), ==, event_id);
  g_assert_cmpstr (nb_entry_get_date (entry), ==, "2026-11-20");
  entry = find_entry (entries, NB_ENTRY_FOLLOW_UP);
  g_assert_nonnull (entry);
  g_assert_cmpstr (nb_entry_get_due (entry), ==, "2026-11-27");

  /* Priya is new, with her company. */
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (nb_person_get_display_name (g_ptr_array_index (people, i)), "Priya Raghunathan"))
      priya_id = nb_person_get_id (g_ptr_array_index (people, i));
  g_assert_cmpint (priya_id, >, 0);
  priya = nb_store_get_person (f->store, priya_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_company (priya), ==, "Spa Olivia");

  /* The draft went with the save. */
  drafts = load_drafts_elsewhere (f);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* The main window says so. */
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->window), "Captured 2 people at Chamber breakfast"));
}

static void
test_problem_blocks_save (Fixture       *f,
                          gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  /* No event name. */
  type_line (capture, 0, BOB_LINE);
  g_assert_false (nb_capture_window_save (capture));
  g_assert_nonnull (nb_capture_window_get_error (capture));
  g_assert_true (has_focus_within (GTK_WIDGET (nb_capture_window_get_event_entry (capture))));

  /* A line with a problem: which line, and everything stays. */
  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  type_line (capture, 1, "Tom Smith: call him !someday");
  g_assert_false (nb_capture_window_save (capture));
  assert_contains (nb_capture_window_get_error (capture), "Line 2: ");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (capture), nb_capture_window_get_error (capture)));
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, 1))));
  g_assert_true (find_capture () == capture);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 0)), ==, BOB_LINE);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 1)), ==, "Tom Smith: call him !someday");
  events = nb_store_list_events (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
  /* Nothing is lost meanwhile: the draft was saved at once. */
  g_assert_cmpint (nb_capture_window_get_draft_id (capture), >, 0);

  /* A bad date. */
  gtk_editable_set_text (line_entry (capture, 1), "Tom Smith: call him !tomorrow");
  gtk_editable_set_text (nb_capture_window_get_date_entry (capture), "the 3rd of Smarch");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nb_capture_window_get_date_entry (capture)), "error"));
  g_assert_false (nb_capture_window_save (capture));
  assert_contains (nb_capture_window_get_error (capture), "Smarch");

  /* Editing hides the old error; fixed, it saves. */
  gtk_editable_set_text (nb_capture_window_get_date_entry (capture), "yesterday");
  g_assert_null (nb_capture_window_get_error (capture));
  g_assert_true (nb_capture_window_save (capture));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = nb_store_list_events (f->store, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (nb_event_get_date (g_ptr_array_index (events, 0)), ==, "2026-11-22");
}

static void
test_event_date_words (Fixture       *f,
                       gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  GtkEditable *date = nb_capture_window_get_date_entry (capture);
  static const struct { const char *typed, *iso; } cases[] = {
    { "yesterday", "2026-11-22" },
    { "Yesterday", "2026-11-22" },
    { "today", "2026-11-23" },
    { "fri", "2026-11-20" },      /* an event is behind us: last Friday */
    { "monday", "2026-11-23" },   /* today is a Monday */
    { "2026-11-02", "2026-11-02" },
    { "", "2026-11-23" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gtk_editable_set_text (date, cases[i].typed);
      /* Enter turns the words into the date, and moves on. */
      g_signal_emit_by_name (date, "entry-activated");
      g_assert_cmpstr (gtk_editable_get_text (date), ==, cases[i].iso);
      g_assert_true (has_focus_within (GTK_WIDGET (nb_capture_window_get_place_entry (capture))));
    }

  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  gtk_editable_set_text (date, "fri");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (nb_gui_test_find (GTK_WIDGET (capture),
                                                                                      ADW_TYPE_WINDOW_TITLE))),
                   ==, "Capture: Chamber breakfast · Fri 20 Nov");
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  NbCaptureWindow *capture = new_capture (f, NULL);
  NbCaptureLineRow *line;

  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), HOSTILE_NAME);
  type_line (capture, 0, HOSTILE_NAME " #x");
  line = nb_capture_window_get_line (capture, 0);
  nb_capture_line_row_update_now (line);

  /* Shown literally, never as markup. */
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (capture), "↳ " HOSTILE_NAME " · #x"));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (capture),
                                            "↳ matches " HOSTILE_NAME " (<i>Acme</i> & Co)"));
  g_assert_cmpint (nb_capture_line_row_get_person_id (line), ==, f->hostile);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (capture), "Capture: " HOSTILE_NAME " · Mon 23 Nov"));

  /* And the toast escapes the event's name. */
  destroy_other_windows (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quick-capture", NULL));
  capture = find_capture ();
  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), HOSTILE_NAME);
  type_line (capture, 0, "Jane Doe");
  g_assert_true (nb_capture_window_save (capture));
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->window), "Captured 1 person at " HOSTILE_NAME));
}

static void
test_offer_draft (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NbCaptureDraft) draft = nb_capture_draft_new ("Chamber breakfast", "2026-11-20", "", BOB_LINE);
  g_autoptr(GError) error = NULL;
  NbCaptureWindow *capture;
  NbWindow *window;

  g_assert_cmpint (nb_store_save_capture_draft (f->store, draft, &error), >, 0);
  g_assert_no_error (error);

  /* The next start offers to continue it. */
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (window),
                                            "You have an unfinished capture from Chamber breakfast"));
  nb_gui_test_screenshot (GTK_WIDGET (window), "capture-offer-1024x768-light");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.continue-capture", "x", draft->id));
  capture = find_capture ();
  g_assert_nonnull (capture);
  g_assert_cmpint (nb_capture_window_get_draft_id (capture), ==, draft->id);
  g_assert_cmpstr (gtk_editable_get_text (line_entry (capture, 0)), ==, BOB_LINE);
  gtk_window_destroy (GTK_WINDOW (capture));
  gtk_window_destroy (GTK_WINDOW (window));

  /* `netbook --capture` is app.quick-capture: a capture of the open window. */
  g_action_group_activate_action (G_ACTION_GROUP (nb_gui_test_get_app ()), "quick-capture", NULL);
  capture = find_capture ();
  g_assert_nonnull (capture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (capture)) == GTK_WINDOW (f->window));
}

static void
render_capture (Fixture    *f,
                const char *name,
                int         width,
                int         height,
                gboolean    dark,
                gboolean    problem)
{
  g_autoptr(GdkTexture) texture = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  NbCaptureWindow *capture;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  capture = NB_CAPTURE_WINDOW (nb_capture_window_new (GTK_WINDOW (f->window), f->store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (capture), width, height);
  gtk_window_present (GTK_WINDOW (capture));
  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  gtk_editable_set_text (nb_capture_window_get_date_entry (capture), "2026-11-20");
  gtk_editable_set_text (nb_capture_window_get_place_entry (capture), "Harbor Hotel, Pier 3");
  type_line (capture, 0, BOB_LINE);
  type_line (capture, 1, PRIYA_LINE);
  if (problem)
    type_line (capture, 2, "Tom Smith: call about the roof !someday");
  nb_gui_test_spin (1000);
  if (problem)
    nb_capture_window_save (capture);
  nb_gui_test_wait_drawn (GTK_WIDGET (capture));

  texture = nb_gui_test_screenshot (GTK_WIDGET (capture), name);
  if (dark)
    g_assert_cmpfloat (nb_gui_test_luminance (texture), <, 0.4);
  else
    g_assert_cmpfloat (nb_gui_test_luminance (texture), >, 0.6);

  gtk_window_destroy (GTK_WINDOW (capture));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* At phone width the lines soon fill the screen: each new line
 * scrolls into view as Enter makes it. */
static void
test_new_line_scrolls_into_view (Fixture       *f,
                                 gconstpointer  data)
{
  static const char *names[] = {
    "Ana Lima (Lima Law): estate planning #legal", "Ben Ode: wants a web designer !next week",
    "Cleo Park, Park Bakery: catering #food", "Dev Rao: moving to Lisbon", "Eli Stone (Stone Roofing) !fri",
    "Fay Wu: yoga studio #wellness", "Gus Hale: accountant, looking for clients !in 2 weeks",
  };
  NbCaptureWindow *capture;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  capture = NB_CAPTURE_WINDOW (nb_capture_window_new (GTK_WINDOW (f->window), f->store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (capture), 360, 640);
  gtk_window_present (GTK_WINDOW (capture));
  nb_gui_test_wait_drawn (GTK_WIDGET (capture));
  gtk_editable_set_text (nb_capture_window_get_event_entry (capture), "Chamber breakfast");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      type_line (capture, i, names[i]);
      nb_gui_test_wait_drawn (GTK_WIDGET (capture));
    }
  nb_gui_test_spin (300);
  nb_gui_test_wait_drawn (GTK_WIDGET (capture));

  scroller = nb_gui_test_find (GTK_WIDGET (capture), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (has_focus_within (GTK_WIDGET (line_entry (capture, G_N_ELEMENTS (names)))));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (line_entry (capture, G_N_ELEMENTS (names))),
                                            gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_adjustment_get_page_size (adjustment));
  nb_gui_test_screenshot (GTK_WIDGET (capture), "capture-many-360x640-light");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  render_capture (f, "capture-1024x768-light", 1024, 768, FALSE, FALSE);
  render_capture (f, "capture-1024x768-dark", 1024, 768, TRUE, FALSE);
  render_capture (f, "capture-360x640-light", 360, 640, FALSE, FALSE);
  render_capture (f, "capture-360x640-dark", 360, 640, TRUE, FALSE);
  render_capture (f, "capture-problem-1024x768-light", 1024, 768, FALSE, TRUE);
  render_capture (f, "capture-problem-360x640-dark", 360, 640, TRUE, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2026-11-23", TRUE);
  nb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/capture-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("typing-lines", test_typing_lines);
  ADD ("hints", test_hints);
  ADD ("change-match", test_change_match);
  ADD ("draft-saved-after-pause", test_draft_saved_after_pause);
  ADD ("close-keeps-draft", test_close_keeps_draft);
  ADD ("escape-asks", test_escape_asks);
  ADD ("save", test_save);
  ADD ("problem-blocks-save", test_problem_blocks_save);
  ADD ("event-date-words", test_event_date_words);
  ADD ("hostile-text", test_hostile_text);
  ADD ("offer-draft", test_offer_draft);
  ADD ("new-line-scrolls-into-view", test_new_line_scrolls_into_view);
  ADD ("screenshots", test_screenshots);
#undef ADD

  return nb_gui_test_run ();
}
