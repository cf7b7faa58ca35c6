/* test-window.c: the main window opens, adapts, remembers its size and
 * looks right in light and dark style; its two templates stay in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "nb-application.h"
#include "nb-gui-test.h"
#include "nb-gui-util.h"
#include "nb-window.h"

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  /* GSETTINGS_BACKEND=memory: start every test from the defaults. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  return settings;
}

static NbWindow *
new_window (GSettings *settings)
{
  g_autoptr(NbStore) store = nb_gui_test_open_store ("window.db");

  return nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, store);
}

static void
test_window_empty_state (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  NbWindow *window = new_window (settings);
  GtkWidget *stack;
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Netbook");

  stack = nb_gui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  /* The empty state invites the user to add their first person. */
  status = nb_gui_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Start Your Network");
  /* Its icon came back when it was shown (nb_status_page_defer_icon()). */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, APP_ID "-symbolic");
  g_assert_nonnull (nb_gui_test_find_label (status, "Add Person"));

  /* The commands the menu and the empty state point at exist. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (nb_gui_test_get_app ()), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (nb_gui_test_get_app ()), "quit"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  NbWindow *window = new_window (settings);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 812, 533);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 533);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window comes back at the remembered size. */
  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = new_window (settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  /* Closing a maximized window keeps the flag for next time. */
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
}

static void
render_at (const char *name,
           int         width,
           int         height,
           gboolean    dark,
           double     *out_luminance)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GdkTexture) texture = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  NbWindow *window;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  window = new_window (settings);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));

  texture = nb_gui_test_screenshot (GTK_WIDGET (window), name);
  /* Without a compositor GTK keeps a few pixels of the requested size
   * for its (invisible) frame; the render is the window as drawn. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_width (texture), >, width - 32);
  g_assert_cmpint (gdk_texture_get_height (texture), >, height - 32);
  *out_luminance = nb_gui_test_luminance (texture);

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_window_screenshots (void)
{
  double light, dark, phone_light, phone_dark;

  render_at ("window-empty-1024x768-light", 1024, 768, FALSE, &light);
  render_at ("window-empty-1024x768-dark", 1024, 768, TRUE, &dark);
  render_at ("window-empty-360x640-light", 360, 640, FALSE, &phone_light);
  render_at ("window-empty-360x640-dark", 360, 640, TRUE, &phone_dark);

  /* Dark style really is dark, light style really is light. */
  g_assert_cmpfloat (light, >, 0.6);
  g_assert_cmpfloat (dark, <, 0.4);
  g_assert_cmpfloat (phone_light, >, 0.6);
  g_assert_cmpfloat (phone_dark, <, 0.4);
}

/* What lays the window out, named differently in each template. */
static const char * const layout_ids[] = {
  "leaflet", "sidebar", "content",               /* nb-window.ui */
  "split_view", "sidebar_page", "content_page",  /* nb-window-split.ui */
  NULL
};

typedef struct {
  GHashTable *seen;     /* "what: value" */
  const char *capture;  /* what the next text is, or NULL */
} Summary;

static void
summary_start_element (GMarkupParseContext  *context,
                       const char           *element,
                       const char          **names,
                       const char          **values,
                       gpointer              user_data,
                       GError              **error)
{
  Summary *summary = user_data;
  const char *name = NULL;

  summary->capture = NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "id") && !g_strv_contains (layout_ids, values[i]))
        g_hash_table_add (summary->seen, g_strconcat ("id: ", values[i], NULL));
      else if (g_str_equal (names[i], "handler"))
        g_hash_table_add (summary->seen, g_strconcat ("handler: ", values[i], NULL));
      else if (g_str_equal (names[i], "name"))
        name = values[i];
      else if (g_str_equal (names[i], "translatable") && g_str_equal (values[i], "yes"))
        summary->capture = "text: ";
    }

  if (summary->capture != NULL || name == NULL)
    return;
  if (g_str_equal (name, "action-name") || g_str_equal (name, "action"))
    summary->capture = "action: ";
  else if (g_str_equal (element, "property") && g_str_equal (name, "name"))
    summary->capture = "stack page: ";
}

static void
summary_end_element (GMarkupParseContext  *context,
                     const char           *element,
                     gpointer              user_data,
                     GError              **error)
{
  Summary *summary = user_data;

  summary->capture = NULL;
}

static void
summary_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Summary *summary = user_data;

  if (summary->capture != NULL)
    g_hash_table_add (summary->seen, g_strdup_printf ("%s%.*s", summary->capture, (int) len, text));
  summary->capture = NULL;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids, handlers, actions, stack pages and translatable text of a
 * template, one a line, sorted. */
static char *
summarize_template (const char *resource)
{
  static const GMarkupParser parser = {
    summary_start_element, summary_end_element, summary_text, NULL, NULL,
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree const char **lines = NULL;
  Summary summary = { seen, NULL };
  guint n_lines;
  gsize size;
  const char *xml;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  xml = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, 0, &summary, NULL);
  g_markup_parse_context_parse (context, xml, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  lines = (const char **) g_hash_table_get_keys_as_array (seen, &n_lines);
  g_assert_cmpuint (n_lines, >, 50);
  qsort (lines, n_lines, sizeof (char *), compare_strings);
  return g_strjoinv ("\n", (char **) lines);
}

/* A status page on a hidden page has no icon (GTK 4.8 would load it, and
 * librsvg with it) until it is shown; then it has the template's, unless
 * it was given another meanwhile. */
static void
test_window_status_icons_deferred (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = adw_status_page_new ();
  GtkWidget *second = adw_status_page_new ();
  GtkWidget *third = adw_status_page_new ();
  GtkWidget *bare = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (first), "dialog-warning-symbolic");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (second), "emblem-ok-symbolic");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (third), "x-office-document-symbolic");
  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), second, "second");
  gtk_stack_add_named (GTK_STACK (stack), third, "third");
  gtk_stack_add_named (GTK_STACK (stack), bare, "bare");
  gtk_window_set_child (GTK_WINDOW (window), stack);

  nb_status_page_defer_icon (ADW_STATUS_PAGE (first));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (second));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (third));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (bare));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (first)));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (second)));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (third)));

  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (window);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (first)), ==, "dialog-warning-symbolic");
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (second)));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (third)));

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "second");
  nb_gui_test_wait_drawn (window);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (second)), ==, "emblem-ok-symbolic");

  /* Given another icon while hidden: that one stays. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (third), "edit-find-symbolic");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "third");
  nb_gui_test_wait_drawn (window);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (third)), ==, "edit-find-symbolic");

  /* Without an icon, nothing to defer, and none appears. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "bare");
  nb_gui_test_wait_drawn (window);
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (bare)));

  /* Shown again later: still the same icons. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "first");
  nb_gui_test_wait_drawn (window);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (first)), ==, "dialog-warning-symbolic");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Any one build uses one of the two layouts (nb-window-private.h), so a
 * change that reaches only the other would go unnoticed: both offer the
 * same widgets, actions, pages and words. */
static void
test_window_templates_in_step (void)
{
  g_autofree char *leaflet = summarize_template ("/com/example/Netbook/nb-window.ui");
  g_autofree char *split = summarize_template ("/com/example/Netbook/nb-window-split.ui");

  g_assert_cmpstr (leaflet, ==, split);
}

int
main (int   argc,
      char *argv[])
{
  nb_gui_test_init (&argc, &argv);

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/window/screenshots", test_window_screenshots);
  g_test_add_func ("/window/templates-in-step", test_window_templates_in_step);
  g_test_add_func ("/window/status-icons-deferred", test_window_status_icons_deferred);

  return nb_gui_test_run ();
}
