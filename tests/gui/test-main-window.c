/* test-main-window.c: the main window on a notebook with a few people:
 * the list, search, filters, the person page, undo, the error page,
 * hostile names, and going back and forth between list and content on
 * a phone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "nb-briefing-page.h"
#include "nb-agenda-page.h"
#include "nb-gui-test.h"
#include "nb-gui-util.h"
#include "nb-new-person-dialog.h"
#include "nb-person-page.h"
#include "nb-person-row.h"
#include "nb-window.h"
#include "nb-window-private.h"

#define HOSTILE_NAME "<b>Bob</b> & \"Sons\""

typedef struct {
  NbStore   *store;
  GSettings *settings;
  NbWindow  *window;
  gint64     maria;
  gint64     tom;
  gint64     zoe;
  gint64     bob;
} Fixture;

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *company,
            const char *role,
            const char *tag)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { tag, NULL };
  gint64 id;

  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  nb_person_set_field (person, NB_PERSON_ROLE, role);
  if (tag != NULL)
    nb_person_set_tags (person, tags);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
add_entry (NbStore     *store,
           gint64       person_id,
           NbEntryKind  kind,
           const char  *date,
           const char  *due,
           const char  *text)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;

  if (due != NULL)
    nb_entry_set_due (entry, due);
  nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n_fixtures;
  /* A new notebook for every test (g_test_rand repeats per test case). */
  g_autofree char *name = g_strdup_printf ("main-%u.db", n_fixtures++);

  f->store = nb_gui_test_open_store (name);
  f->maria = add_person (f->store, "Maria Rossi", "Bianchi Rossi Partners", "Graphic designer", "design");
  f->tom = add_person (f->store, "Tom O'Brien", "O'Brien Roofing", "Sales", "trades");
  f->zoe = add_person (f->store, "Zoë Ångström", "Salons Visby", "Founder", "design");
  f->bob = add_person (f->store, HOSTILE_NAME, "<i>Acme</i> & Co", "Owner", NULL);

  add_entry (f->store, f->maria, NB_ENTRY_CONVERSATION, "2026-11-02", NULL, "Coffee at the chamber breakfast");
  add_entry (f->store, f->maria, NB_ENTRY_CHALLENGE, "2026-11-02", NULL, "Finding restaurant clients");
  add_entry (f->store, f->maria, NB_ENTRY_FOLLOW_UP, "2026-11-02", "2026-11-10", "Send the printer contact");
  add_entry (f->store, f->tom, NB_ENTRY_NOTE, "2026-10-01", NULL, "Plays the fiddle on Thursdays");

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
  g_assert_finalize_object (f->store);
}

static GtkWidget *
visible_child (NbWindow   *window,
               const char *stack_name)
{
  GtkWidget *stack = nb_gui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, stack_name);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static guint
n_visible (Fixture *f)
{
  return g_list_model_get_n_items (nb_window_get_visible_people (f->window));
}

static const char *
visible_name (Fixture *f,
              guint    position)
{
  g_autoptr(NbPerson) person = g_list_model_get_item (nb_window_get_visible_people (f->window), position);

  g_assert_nonnull (person);
  /* The store keeps the person alive; the name outlives this ref. */
  return nb_person_get_display_name (person);
}

static void
test_list_shows_people (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *main_page = visible_child (f->window, "main");

  g_assert_cmpuint (n_visible (f), ==, 4);
  /* A name full of markup is shown literally in its row. */
  g_assert_nonnull (nb_gui_test_find_label (main_page, HOSTILE_NAME));
  g_assert_nonnull (nb_gui_test_find_label (main_page, "Maria Rossi"));
  g_assert_nonnull (nb_gui_test_find_label (main_page, "Graphic designer · Bianchi Rossi Partners"));
  /* Nobody selected: the agenda, titled Today. */
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Netbook");
}

static void
test_search_and_open (Fixture       *f,
                      gconstpointer  data)
{
  nb_window_search (f->window, "ross");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Maria Rossi");

  /* Accents and case do not matter. */
  nb_window_search (f->window, "angstr");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Zoë Ångström");

  /* Notes are searched too. */
  nb_window_search (f->window, "fiddle");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Tom O'Brien");

  /* Enter opens the best match. */
  g_signal_emit_by_name (nb_gui_test_find (nb_gui_test_find (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR),
                                           GTK_TYPE_SEARCH_ENTRY), "activate");
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, f->tom);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Tom O'Brien – Netbook");

  /* No results: a clear empty state. */
  nb_window_search (f->window, "zzzzqqq");
  g_assert_cmpuint (n_visible (f), ==, 0);
  g_assert_true (gtk_widget_get_mapped (nb_gui_test_find_label (GTK_WIDGET (f->window), "No Results Found")));

  nb_window_search (f->window, "");
  g_assert_cmpuint (n_visible (f), ==, 4);
}

static void
test_filters_and_sort (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", "design"));
  g_assert_cmpuint (n_visible (f), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", ""));
  g_assert_cmpuint (n_visible (f), ==, 4);

  /* Maria's follow-up was due on 10 November. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "due"));
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Maria Rossi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "all"));

  /* Last contact: Maria (2 Nov) before Tom (1 Oct), then the others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort", "s", "last-contact"));
  g_assert_cmpstr (visible_name (f, 0), ==, "Maria Rossi");
  g_assert_cmpstr (visible_name (f, 1), ==, "Tom O'Brien");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort", "s", "name"));

  /* Archived people leave the list, and come back with Show Archived. */
  g_assert_true (nb_store_set_person_archived (f->store, f->tom, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_visible (f), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-archived", NULL));
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Tom O'Brien");
}

/* The labels of the filter menu's tags, after "Any Tag". */
static GStrv
dup_tag_labels (Fixture *f)
{
  GMenuModel *menu = G_MENU_MODEL (f->window->tag_section);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 1);
  for (int i = 1; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, "label", "s", &label));
      g_strv_builder_add (labels, label);
    }
  return g_strv_builder_end (labels);
}

/* The filter menu lists tags as a person reads them, case aside; the
 * store gives them in byte order ("Board" before "alumni"). */
static void
test_tag_menu_order (Fixture       *f,
                     gconstpointer  data)
{
  const char *expected[] = { "alumni", "Board", "board", "design", "trades", NULL };
  g_auto(GStrv) labels = NULL;

  add_person (f->store, "Ada Board", "", "", "Board");
  add_person (f->store, "Ben Alumni", "", "", "alumni");
  add_person (f->store, "Cy Board", "", "", "board");

  labels = dup_tag_labels (f);
  g_assert_cmpuint (g_strv_length (labels), ==, g_strv_length ((GStrv) expected));
  g_assert_cmpstrv (labels, expected);

  /* Nothing to sort is fine. */
  nb_strv_sort_for_display (NULL);
  {
    char *empty[] = { NULL };

    char *one[] = { (char *) "only", NULL };

    nb_strv_sort_for_display (empty);
    g_assert_null (empty[0]);
    nb_strv_sort_for_display (one);
    g_assert_cmpstr (one[0], ==, "only");
    g_assert_null (one[1]);
  }
}

/* netbook-cli writes while the window is open: the list, the tag menu
 * and the page shown follow once the store notices. */
static void
test_changed_outside (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(NbStore) cli = NULL;
  g_autoptr(GError) error = NULL;

  nb_window_show_person (f->window, f->tom);
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, f->tom);

  cli = nb_store_open (nb_store_get_path (f->store), &error);
  g_assert_no_error (error);
  add_person (cli, "Olive Outside", "Outside Ltd", "Buyer", "outside");
  g_assert_true (nb_store_delete_person (cli, f->tom, &error));
  g_assert_no_error (error);

  /* Not seen until the store looks. */
  g_assert_cmpuint (n_visible (f), ==, 4);
  {
    g_auto(GStrv) labels = dup_tag_labels (f);

    g_assert_false (g_strv_contains ((const char * const *) labels, "outside"));
  }

  g_assert_true (nb_store_check_outside_changes (f->store));
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));

  g_assert_cmpuint (n_visible (f), ==, 4);
  for (guint i = 0; i < n_visible (f); i++)
    g_assert_cmpstr (visible_name (f, i), !=, "Tom O'Brien");
  {
    g_auto(GStrv) labels = dup_tag_labels (f);

    g_assert_true (g_strv_contains ((const char * const *) labels, "outside"));
    g_assert_false (g_strv_contains ((const char * const *) labels, "trades"));
  }
  /* Tom's page closed with him. */
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "agenda");

  g_assert_false (nb_store_check_outside_changes (f->store));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPerson) back = NULL;

  nb_window_show_person (f->window, f->bob);
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, f->bob);
  /* The window title shows the hostile name literally. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, HOSTILE_NAME " – Netbook");
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  nb_gui_test_screenshot (GTK_WIDGET (f->window), "main-window-hostile-person");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-person", NULL));
  g_assert_cmpuint (n_visible (f), ==, 3);
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, 0);
  g_assert_null (nb_store_get_person (f->store, f->bob, NULL));
  /* The toast's title escaped the name: it is shown literally. */
  nb_gui_test_wait_drawn (GTK_WIDGET (f->window));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (f->window), "“" HOSTILE_NAME "” deleted"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete-person", "x", f->bob));
  back = nb_store_get_person (f->store, f->bob, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_display_name (back), ==, HOSTILE_NAME);
  g_assert_cmpuint (n_visible (f), ==, 4);
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, f->bob);
}

static void
test_new_person_warns_of_duplicate (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GtkWidget) dialog = NULL;
  NbPerson *duplicate;

  dialog = g_object_ref_sink (nb_new_person_dialog_new (GTK_WINDOW (f->window), f->store));
  nb_new_person_dialog_set_name (NB_NEW_PERSON_DIALOG (dialog), "maria rossi");
  duplicate = nb_new_person_dialog_get_duplicate (NB_NEW_PERSON_DIALOG (dialog));
  g_assert_nonnull (duplicate);
  g_assert_cmpint (nb_person_get_id (duplicate), ==, f->maria);
  g_assert_true (nb_dialog_get_response_enabled (dialog, "add"));

  nb_new_person_dialog_set_name (NB_NEW_PERSON_DIALOG (dialog), "Priya Raghunathan");
  g_assert_null (nb_new_person_dialog_get_duplicate (NB_NEW_PERSON_DIALOG (dialog)));
  nb_new_person_dialog_set_company (NB_NEW_PERSON_DIALOG (dialog), "Spa Olivia");
  nb_dialog_response (dialog, "add");
  nb_gui_test_destroy_dialog (dialog);

  nb_window_search (f->window, "priya");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Priya Raghunathan");

  /* Enter in the name adds, and closes the dialog as Add does. */
  g_clear_object (&dialog);
  dialog = g_object_ref_sink (nb_new_person_dialog_new (GTK_WINDOW (f->window), f->store));
  nb_dialog_present (dialog, GTK_WIDGET (f->window));
  nb_gui_test_wait_drawn (dialog);
  nb_new_person_dialog_set_name (NB_NEW_PERSON_DIALOG (dialog), "Kenji Watanabe");
  g_signal_emit_by_name (nb_gui_test_find (dialog, GTK_TYPE_ENTRY), "activate");
  nb_gui_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (dialog));
  nb_window_search (f->window, "kenji");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpstr (visible_name (f, 0), ==, "Kenji Watanabe");

  /* An empty name cannot be added. */
  g_clear_object (&dialog);
  dialog = g_object_ref_sink (nb_new_person_dialog_new (GTK_WINDOW (f->window), f->store));
  nb_new_person_dialog_set_name (NB_NEW_PERSON_DIALOG (dialog), "   ");
  g_assert_false (nb_dialog_get_response_enabled (dialog, "add"));
  nb_gui_test_destroy_dialog (dialog);
}

/* The people list: the sidebar's GtkListView (pages have their own). */
static GtkWidget *
find_people_list (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_people_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Lets the layout settle after a change of page. */
static void
settle (NbWindow *window)
{
  nb_gui_test_spin (50);
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
}

/* Side by side: picking someone keeps the list in view; back from their
 * page is the agenda. */
static void
test_wide_navigation (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *list = find_people_list (GTK_WIDGET (f->window));
  GtkWidget *person_page = nb_gui_test_find (GTK_WIDGET (f->window), NB_TYPE_PERSON_PAGE);

  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_cmpstr (nb_window_get_view (f->window), ==, "agenda");

  g_signal_emit_by_name (list, "activate", 0);
  settle (f->window);
  g_assert_cmpint (nb_window_get_person_id (f->window), !=, 0);
  g_assert_true (gtk_widget_get_mapped (person_page));
  g_assert_true (gtk_widget_get_mapped (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  settle (f->window);
  g_assert_cmpstr (nb_window_get_view (f->window), ==, "agenda");
  g_assert_cmpint (nb_window_get_person_id (f->window), ==, 0);
  g_assert_true (gtk_widget_get_mapped (list));
}

/* On a phone the list and the content take turns: picking someone shows
 * their page; back goes to the list, from a briefing to their page
 * first; search brings the list back. */
static void
test_narrow_navigation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(NbPerson) first = NULL;
  NbWindow *window;
  GtkWidget *list;
  GtkWidget *person_page;
  GtkWidget *briefing_page;

  g_settings_set_int (f->settings, "window-width", 360);
  g_settings_set_int (f->settings, "window-height", 640);
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  list = find_people_list (GTK_WIDGET (window));
  person_page = nb_gui_test_find (GTK_WIDGET (window), NB_TYPE_PERSON_PAGE);
  briefing_page = nb_gui_test_find (GTK_WIDGET (window), NB_TYPE_BRIEFING_PAGE);
  g_assert_nonnull (person_page);
  g_assert_nonnull (briefing_page);

  /* The list first. */
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_get_mapped (person_page));

  /* A tap on a row: their page, alone. */
  first = g_list_model_get_item (nb_window_get_visible_people (window), 0);
  g_signal_emit_by_name (list, "activate", 0);
  settle (window);
  g_assert_cmpint (nb_window_get_person_id (window), ==, nb_person_get_id (first));
  g_assert_true (gtk_widget_get_mapped (person_page));
  g_assert_false (gtk_widget_get_mapped (list));

  /* Their briefing, then back: their page, then the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefing", NULL));
  settle (window);
  g_assert_true (gtk_widget_get_mapped (briefing_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  settle (window);
  g_assert_cmpstr (nb_window_get_view (window), ==, "person");
  g_assert_true (gtk_widget_get_mapped (person_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  settle (window);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_get_mapped (person_page));

  /* Opened from elsewhere (netbook --brief), then Ctrl+F: the list. */
  nb_window_show_briefing (window, f->zoe);
  settle (window);
  g_assert_true (gtk_widget_get_mapped (briefing_page));
  g_assert_false (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  settle (window);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (nb_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every width from a phone's to a desktop's lays out without a warning
 * (G_DEBUG=fatal-warnings) and without growing the window: it folds
 * before its two panes stop fitting, and each page fits a phone. */
static void
test_every_width (Fixture       *f,
                  gconstpointer  data)
{
  static const int widths[] = { 360, 480, 560, 600, 601, 620, 660, 700, 800 };
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *layout = NULL;

  /* GNOME's and Phosh's title buttons. Without a settings daemon GTK
   * adds minimize and maximize, and a briefing's header (Back, the
   * name, Print, Export, Edit) then needs 385 px. */
  g_object_get (settings, "gtk-decoration-layout", &layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", "appmenu:close", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      NbWindow *window;

      g_settings_set_int (f->settings, "window-width", widths[i]);
      g_settings_set_int (f->settings, "window-height", 600);
      window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
      gtk_window_present (GTK_WINDOW (window));
      nb_gui_test_wait_drawn (GTK_WIDGET (window));
      nb_window_show_person (window, f->maria);
      settle (window);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[i]);
      nb_window_show_briefing (window, f->maria);
      settle (window);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[i]);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_object_set (settings, "gtk-decoration-layout", layout, NULL);
}

static void
render_main (Fixture    *f,
             const char *name,
             int         width,
             int         height,
             gboolean    dark,
             gint64      person_id)
{
  g_autoptr(GdkTexture) texture = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  NbWindow *window;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_int (f->settings, "window-width", width);
  g_settings_set_int (f->settings, "window-height", height);
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  if (person_id != 0)
    {
      nb_window_show_person (window, person_id);
      nb_gui_test_spin (300);
      nb_gui_test_wait_drawn (GTK_WIDGET (window));
    }

  texture = nb_gui_test_screenshot (GTK_WIDGET (window), name);
  if (dark)
    g_assert_cmpfloat (nb_gui_test_luminance (texture), <, 0.4);
  else
    g_assert_cmpfloat (nb_gui_test_luminance (texture), >, 0.6);

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  render_main (f, "main-agenda-1024x768-light", 1024, 768, FALSE, 0);
  render_main (f, "main-agenda-1024x768-dark", 1024, 768, TRUE, 0);
  render_main (f, "main-person-1024x768-light", 1024, 768, FALSE, f->maria);
  render_main (f, "main-person-1024x768-dark", 1024, 768, TRUE, f->maria);
  render_main (f, "main-list-360x640-light", 360, 640, FALSE, 0);
  render_main (f, "main-list-360x640-dark", 360, 640, TRUE, 0);
  render_main (f, "main-person-360x640-light", 360, 640, FALSE, f->maria);
  render_main (f, "main-person-360x640-dark", 360, 640, TRUE, f->maria);
}

static void
test_error_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  guint n_windows;
  NbStore *store;
  NbWindow *window;
  GtkWidget *page;
  GtkWidget *label;

  /* A file that is not a database: the store refuses it... */
  path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "not-a-db.db", NULL);
  g_assert_true (g_file_set_contents (path, "Dear diary, today I met Maria.\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  /* ...and the window explains instead of starting over. */
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, NULL);
  nb_window_show_store_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  page = visible_child (window, "error");
  label = nb_gui_test_find_label (page, error->message);
  g_assert_nonnull (label);
  /* The message is selectable (to copy the path), but not selected. */
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), NULL, NULL));
  /* Nothing can be added to a notebook that is not open. */
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
  nb_gui_test_screenshot (GTK_WIDGET (window), "main-error-page");
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* A notebook longer than the window: the list opens with the people its
 * first screen shows, and has everyone once that screen is painted,
 * without anyone asking. Filtering by anything but the name reads
 * everyone at once. */
static void
test_first_screen (void)
{
  g_autoptr(NbStore) store = nb_gui_test_open_store ("first-screen.db");
  g_autoptr(NbStore) other = nb_gui_test_open_store ("first-screen-due.db");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GListModel) people = NULL;
  NbWindow *window;
  GtkWidget *list;
  GtkWidget *agenda;
  gint64 first = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      gint64 id = add_person (store, name, "", "", i == 119 ? "last" : NULL);

      first = first != 0 ? first : id;
      add_person (other, name, "", "", NULL);
    }
  /* The agenda's first screen is its follow-ups; meetings come after. */
  add_entry (store, first, NB_ENTRY_FOLLOW_UP, "2026-11-02", "2026-11-10", "Send the printer contact");
  add_entry (store, first, NB_ENTRY_MEETING, "2026-11-27", NULL, "Coffee at the chamber");

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, store);
  g_assert_false (nb_store_is_people_model_complete (store));
  people = nb_store_get_people_model_first (store, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), <, 120);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 600 / 48);
  agenda = nb_gui_test_find (GTK_WIDGET (window), NB_TYPE_AGENDA_PAGE);
  g_assert_nonnull (nb_gui_test_find_label (agenda, "Send the printer contact"));
  g_assert_null (nb_gui_test_find_label (agenda, "Coffee at the chamber"));

  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (nb_store_is_people_model_complete (store));
  g_assert_true (gtk_widget_get_mapped (nb_gui_test_find_label (agenda, "Coffee at the chamber")));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 120);
  list = find_people_list (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 120);
  /* The filter menu offers the tag of someone far down the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-tag", "s", "last"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Sorted by last contact before its first frame: everyone. */
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, other);
  g_assert_false (nb_store_is_people_model_complete (other));
  g_object_set (window, "sort-mode", "last-contact", NULL);
  g_assert_true (nb_store_is_people_model_complete (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows of the people list make their widgets once on screen (GTK
 * 4.8 binds 200 rows for the dozen in view): those in view show their
 * person, the others measure as tall as those in view, and scrolling
 * far down builds the rows it shows. */
static guint
count_people_rows (GtkWidget *list,
                   guint     *n_built,
                   int       *built_height,
                   int       *unbuilt_height)
{
  guint n_rows = 0;

  *n_built = 0;
  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      NbPerson *person;
      int height;

      if (!NB_IS_PERSON_ROW (row))
        continue;

      n_rows++;
      person = nb_person_row_get_person (NB_PERSON_ROW (row));
      g_assert_nonnull (person);
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (list), NULL, &height, NULL, NULL);
      if (gtk_widget_get_first_child (row) != NULL)
        {
          (*n_built)++;
          *built_height = height;
          if (gtk_widget_get_child_visible (item))
            g_assert_nonnull (nb_gui_test_find_label (row, nb_person_get_display_name (person)));
        }
      else
        {
          /* Never drawn without its widgets. */
          g_assert_false (gtk_widget_get_child_visible (item));
          *unbuilt_height = height;
        }
    }

  return n_rows;
}

static void
test_rows_built_in_view (void)
{
  g_autoptr(NbStore) store = nb_gui_test_open_store ("rows-in-view.db");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NbWindow *window;
  GtkWidget *list;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  guint n_rows, n_built;
  int built_height = 0, unbuilt_height = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      gint64 id = add_person (store, name, i % 2 == 0 ? "Acme" : "", i % 3 == 0 ? "Owner" : "", NULL);

      if (i % 7 == 0)
        add_entry (store, id, NB_ENTRY_FOLLOW_UP, "2026-11-02", "2026-11-10", "Call back");
    }

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, store);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  g_assert_true (nb_store_is_people_model_complete (store));
  /* Laid out again once everyone is listed and the trust pass is done:
   * a row made since the last layout has had no place yet. */
  while (g_main_context_iteration (NULL, FALSE));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));

  list = find_people_list (GTK_WIDGET (window));
  n_rows = count_people_rows (list, &n_built, &built_height, &unbuilt_height);
  g_assert_cmpuint (n_built, >=, 600 / 80);
  g_assert_cmpuint (n_built, <, 40);
  g_assert_cmpint (built_height, >, 0);
  /* GTK 4.8 binds 200 rows; later GTK only those in view. */
  if (n_rows > 100)
    g_assert_cmpint (unbuilt_height, ==, built_height);

  /* To the end of the list: the rows shown there are made. */
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  count_people_rows (list, &n_built, &built_height, &unbuilt_height);
  g_assert_cmpuint (n_built, <, 80);
  g_assert_true (gtk_widget_get_mapped (nb_gui_test_find_label (list, "Person 299")));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2026-11-23", TRUE);
  nb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/main-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list_shows_people);
  ADD ("search", test_search_and_open);
  ADD ("filters-and-sort", test_filters_and_sort);
  ADD ("tag-menu-order", test_tag_menu_order);
  ADD ("changed-outside", test_changed_outside);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("new-person-duplicate", test_new_person_warns_of_duplicate);
  ADD ("wide-navigation", test_wide_navigation);
  ADD ("narrow-navigation", test_narrow_navigation);
  ADD ("every-width", test_every_width);
  ADD ("screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/main-window/error-page", test_error_page);
  g_test_add_func ("/main-window/first-screen", test_first_screen);
  g_test_add_func ("/main-window/rows-built-in-view", test_rows_built_in_view);

  return nb_gui_test_run ();
}
