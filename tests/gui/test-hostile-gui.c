/* test-hostile-gui.c: what users type, as the window shows it.
 *
 * Names, companies, tags and notes with markup (<b>, &, <span
 * foreground=>), entities, right-to-left and zero-width characters,
 * control characters, format strings, very long text, and a 10 MB note
 * (shown as its start, the whole text one click away): the people list,
 * each person's page and briefing, search, the window title and the
 * toasts of archiving and deleting show them literally.
 * GTK reports markup it cannot parse and invalid UTF-8 as warnings,
 * which G_DEBUG=fatal-warnings makes fatal: rendering everything is the
 * test. The store is finalized at the end (g_assert_finalize_object).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "nb-entry-row.h"
#include "nb-gui-test.h"
#include "nb-gui-util.h"
#include "nb-window.h"

static const char * const hostile_texts[] = {
  "<b>Bob</b> & \"Sons\" <span foreground=\"red\">Ltd</span>",
  "&amp; &lt;i&gt; &#x41; &bogus; <",
  "<span foreground=\"red\" size=\"999999\">Big</span>",
  "\xe2\x80\xae" "evil.exe" "\xe2\x80\xac" " right-to-left override",
  "مريم الخوري",
  "שלום כהן (Cohen)",
  "Zero\xe2\x80\x8bwidth\xe2\x80\x8d joiner\xef\xbb\xbf and BOM",
  "%s %n %x %% {0} ${HOME}",
  "Tab\there, new\nline, return\r, escape\x1b[31m",
  "\xf0\x9f\xa7\x91\xe2\x80\x8d\xf0\x9f\x92\xbb coder \xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x94\xac",
  "Z\xcc\xb7\xcc\xa1\xcc\x9b" "a\xcc\xb4\xcc\xb8lgo e\xcc\x81\xcc\x81\xcc\x81",
  "_Mnemonic __underscores_",
  "  spaced   out  ",
  NULL
};

typedef struct {
  NbStore   *store;
  GSettings *settings;
  NbWindow  *window;
  GArray    *ids;
} Fixture;

static gint64
add_hostile_person (NbStore    *store,
                    const char *text,
                    guint       i)
{
  g_autoptr(NbPerson) person = nb_person_new (text);
  g_autoptr(NbEntry) note = NULL;
  g_autoptr(NbEntry) followup = NULL;
  g_autoptr(NbEntry) need = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = g_strdup_printf ("t%u %s", i, text);
  const char *tags[] = { tag, NULL };
  gint64 id;

  nb_person_set_field (person, NB_PERSON_COMPANY, text);
  nb_person_set_field (person, NB_PERSON_ROLE, text);
  nb_person_set_field (person, NB_PERSON_OFFERS, text);
  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, text);
  nb_person_set_field (person, NB_PERSON_EMAILS, text);
  nb_person_set_field (person, NB_PERSON_URLS, text);
  nb_person_set_tags (person, tags);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  note = nb_entry_new (NB_ENTRY_CONVERSATION, id, "2026-11-02", text);
  nb_store_add_entry (store, note, &error);
  g_assert_no_error (error);
  need = nb_entry_new (NB_ENTRY_NEED, id, "2026-11-02", text);
  nb_store_add_entry (store, need, &error);
  g_assert_no_error (error);
  followup = nb_entry_new (NB_ENTRY_FOLLOW_UP, id, "2026-11-02", text);
  nb_entry_set_due (followup, "2026-11-20");
  nb_store_add_entry (store, followup, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n_fixtures;
  g_autofree char *name = g_strdup_printf ("hostile-%u.db", n_fixtures++);

  f->store = nb_gui_test_open_store (name);
  f->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; hostile_texts[i] != NULL; i++)
    {
      gint64 id = add_hostile_person (f->store, hostile_texts[i], i);

      g_array_append_val (f->ids, id);
    }
  nb_store_set_profile (f->store, hostile_texts[0], hostile_texts[3], NULL);

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int (f->settings, "window-width", 1024);
  g_settings_set_int (f->settings, "window-height", 768);
  f->window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->settings);
  g_clear_pointer (&f->ids, g_array_unref);
  g_assert_finalize_object (f->store);
}

/* Draws the whole window: every label is laid out, every markup parsed. */
static void
render (Fixture *f)
{
  g_autoptr(GdkTexture) texture = NULL;

  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  texture = nb_gui_test_render (GTK_WIDGET (f->window));
  g_assert_nonnull (texture);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GListModel *visible = nb_window_get_visible_people (f->window);

  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, f->ids->len);
  render (f);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->window), hostile_texts[0]));
  nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-list");

  /* Searching for each text, and filtering by each tag. */
  for (guint i = 0; hostile_texts[i] != NULL; i++)
    {
      g_autofree char *tag = g_strdup_printf ("t%u %s", i, hostile_texts[i]);

      nb_window_search (f->window, hostile_texts[i]);
      render (f);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", tag));
      render (f);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", ""));
    }
  nb_window_search (f->window, "");
}

static void
test_pages_and_titles (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i < f->ids->len; i++)
    {
      gint64 id = g_array_index (f->ids, gint64, i);
      g_autofree char *title = g_strdup_printf ("%s – Netbook", hostile_texts[i]);

      nb_window_show_person (f->window, id);
      g_assert_cmpint (nb_window_get_person_id (f->window), ==, id);
      /* The window title holds the name literally. */
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, title);
      render (f);
      if (i == 0)
        nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-person");

      nb_window_show_briefing (f->window, id);
      render (f);
      if (i == 0)
        nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-briefing");
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agenda", NULL));
  render (f);
  nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-agenda");
}

/* Toast titles are markup: every name that goes into one is escaped. */
static void
test_toasts (Fixture       *f,
             gconstpointer  data)
{
  for (guint i = 0; i < f->ids->len; i++)
    {
      gint64 id = g_array_index (f->ids, gint64, i);

      nb_window_show_person (f->window, id);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-person", NULL));
      render (f);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-archive-person", "x", id));
      render (f);

      nb_window_show_person (f->window, id);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-person", NULL));
      render (f);
      if (i == 0)
        nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-toast");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete-person", "x", id));
      render (f);
    }

  g_assert_cmpuint (g_list_model_get_n_items (nb_window_get_visible_people (f->window)), ==, f->ids->len);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static NbEntryRow *
find_entry_row (GtkWidget *root,
                gint64     entry_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, NB_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (nb_entry_get_id (nb_entry_row_get_entry (g_ptr_array_index (rows, i))) == entry_id)
      return g_ptr_array_index (rows, i);

  return NULL;
}

/* The label under @root whose text starts with @prefix. */
static GtkLabel *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* How long a page with a 10 MB note may take to draw: well under a
 * second in a plain build, some twenty times more under sanitizers; the
 * page that laid the whole note out never finished. */
#ifdef __SANITIZE_ADDRESS__
#define BIG_NOTE_MAX_SECONDS 100
#else
#define BIG_NOTE_MAX_SECONDS 10
#endif

/* Scrolls @widget's page to show it near the top. */
static void
scroll_to (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 80);
  render (f);
}

/* A 10 MB note, one paragraph of markup-like words, and a 1 MB need on
 * the person page: the page draws in moments with the note's start and
 * Show All, which opens the whole text, read-only, copied exactly as
 * written. The briefing draws too, and the window stays usable. */
static void
test_big_note (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_sized_new (10 * 1024 * 1024 + 64);
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(NbEntry) need = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *shown = NULL;
  gint64 id = g_array_index (f->ids, gint64, 0);
  NbEntryRow *row;
  GtkLabel *label;
  GtkWidget *show_all;
  GtkWindow *full;
  GtkTextView *view;
  gint64 entry_id;
  gint64 start;
  double seconds;

  while (text->len < 10 * 1024 * 1024)
    g_string_append_printf (text, "word%u <b>&amp; ", (guint) text->len % 997);
  entry = nb_entry_new (NB_ENTRY_NOTE, id, "2026-11-03", text->str);
  entry_id = nb_store_add_entry (f->store, entry, &error);
  g_assert_no_error (error);
  /* A need of 1 MB: the page's Needs group and the briefing list it. */
  need = nb_entry_new (NB_ENTRY_NEED, id, "2026-11-03", text->str + text->len - 1024 * 1024);
  nb_store_add_entry (f->store, need, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  nb_window_show_person (f->window, id);
  render (f);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a person page with a 10 MB note drew in %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, BIG_NOTE_MAX_SECONDS);

  /* The timeline shows the note's start, literally, and a way to the rest. */
  row = find_entry_row (GTK_WIDGET (f->window), entry_id);
  g_assert_nonnull (row);
  label = find_label_starting (GTK_WIDGET (row), "word0 <b>&amp; word15 <b>&amp; ");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpuint (g_utf8_strlen (gtk_label_get_text (label), -1), <=, NB_PREVIEW_LONG_CHARS + 1);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), "…"));
  shown = g_strndup (gtk_label_get_text (label), strlen (gtk_label_get_text (label)) - strlen ("…"));
  g_assert_true (g_str_has_prefix (text->str, shown));
  show_all = gtk_widget_get_ancestor (nb_gui_test_find_label (GTK_WIDGET (row), "Show All"), GTK_TYPE_BUTTON);
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_get_mapped (show_all));
  g_assert_true (gtk_widget_get_focusable (show_all));
  scroll_to (f, GTK_WIDGET (row));
  nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-big-note");

  /* Show All: the whole note, read-only, focused for the keyboard. */
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (show_all, "clicked");
  full = nb_gui_test_find_transient_window (GTK_WINDOW (f->window));
  g_assert_nonnull (full);
  nb_gui_test_wait_drawn (GTK_WIDGET (full));
  g_test_message ("its full text drew in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  view = GTK_TEXT_VIEW (nb_gui_test_find (GTK_WIDGET (full), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  nb_gui_test_screenshot (GTK_WIDGET (full), "hostile-big-note-full");
  copied = nb_gui_test_dup_copied_text (view);
  g_assert_cmpuint (strlen (copied), ==, text->len);
  g_assert_true (strcmp (copied, text->str) == 0);
  /* Escape closes it. */
  g_assert_true (nb_gui_test_press (GTK_WIDGET (full), GDK_KEY_Escape, 0));
  g_assert_null (nb_gui_test_find_transient_window (GTK_WINDOW (f->window)));

  /* Edited in the composer (its paragraph broken for display only),
   * and saved unchanged. */
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "person.edit-entry", "x", entry_id));
  render (f);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("its composer drew in %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, BIG_NOTE_MAX_SECONDS);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "person.save-entry", NULL));
  render (f);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("saved and drawn again in %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, BIG_NOTE_MAX_SECONDS);
  {
    g_autoptr(NbEntry) saved = nb_store_get_entry (f->store, entry_id, &error);
    /* The composer trims the ends, as for any note. */
    g_autofree char *trimmed = g_strstrip (g_strdup (text->str));

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (nb_entry_get_text (saved)), ==, strlen (trimmed));
    g_assert_true (strcmp (nb_entry_get_text (saved), trimmed) == 0);
  }

  start = g_get_monotonic_time ();
  nb_window_show_briefing (f->window, id);
  render (f);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("its briefing drew in %.1f s", seconds);
  g_assert_cmpfloat (seconds, <, BIG_NOTE_MAX_SECONDS);
  nb_gui_test_screenshot (GTK_WIDGET (f->window), "hostile-big-note-briefing");

  /* Still answering: back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agenda", NULL));
  render (f);
}

/* nb_text_preview() cuts between characters, never inside one. */
static void
test_text_preview (void)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  char *preview;

  /* Short text, unchanged. */
  preview = nb_text_preview ("<b>Bob</b> & Sons", 1000, 12);
  g_assert_cmpstr (preview, ==, "<b>Bob</b> & Sons");
  g_free (preview);
  preview = nb_text_preview ("", 10, 1);
  g_assert_cmpstr (preview, ==, "");
  g_free (preview);
  preview = nb_text_preview ("exactly10!", 10, 1);
  g_assert_cmpstr (preview, ==, "exactly10!");
  g_free (preview);

  /* Counted in characters, cut at a UTF-8 boundary: "ü" is two bytes,
   * "🧑" four. */
  preview = nb_text_preview ("üüüüü", 3, 1);
  g_assert_cmpstr (preview, ==, "üüü…");
  g_assert_true (g_utf8_validate (preview, -1, NULL));
  g_free (preview);
  preview = nb_text_preview ("ab\xf0\x9f\xa7\x91" "cd", 3, 1);
  g_assert_cmpstr (preview, ==, "ab\xf0\x9f\xa7\x91…");
  g_free (preview);
  for (guint n = 1; n < 12; n++)
    {
      preview = nb_text_preview ("مريم الخوري \xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd", n, 1);
      g_assert_true (g_utf8_validate (preview, -1, NULL));
      g_free (preview);
    }

  /* Never between a letter and its accent, nor inside a joined emoji. */
  preview = nb_text_preview ("cafe\xcc\x81 noir", 4, 1);
  g_assert_cmpstr (preview, ==, "caf…");
  g_free (preview);
  preview = nb_text_preview ("x\xf0\x9f\xa7\x91\xe2\x80\x8d\xf0\x9f\x92\xbb", 3, 1);
  g_assert_cmpstr (preview, ==, "x…");
  g_free (preview);

  /* No dangling space before the ellipsis. */
  preview = nb_text_preview ("one two three", 8, 1);
  g_assert_cmpstr (preview, ==, "one two…");
  g_free (preview);

  /* Many short lines: cut after the last line allowed. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (lines, "line %u\n", i);
  preview = nb_text_preview (lines->str, 1000, 3);
  g_assert_cmpstr (preview, ==, "line 0\nline 1\nline 2…");
  g_free (preview);
  preview = nb_text_preview ("a\nb\n", 1000, 2);
  g_assert_cmpstr (preview, ==, "a\nb…");
  g_free (preview);
  preview = nb_text_preview ("a\nb", 1000, 2);
  g_assert_cmpstr (preview, ==, "a\nb");
  g_free (preview);

  /* A truncated sequence at the very end is never read past. */
  preview = nb_text_preview ("abc\xf0", 100, 1);
  g_assert_cmpstr (preview, ==, "abc\xf0");
  g_free (preview);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2026-11-23", TRUE);
  nb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/hostile-gui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("pages-and-titles", test_pages_and_titles);
  ADD ("toasts", test_toasts);
  ADD ("big-note", test_big_note);
#undef ADD
  g_test_add_func ("/hostile-gui/text-preview", test_text_preview);

  return nb_gui_test_run ();
}
