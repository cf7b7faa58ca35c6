/* nb-gui-test.c: shared helpers for Netbook's GTK tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nb-application.h"
#include "nb-dialog.h"
#include "nb-gui-test.h"

static NbApplication *test_app;

void
nb_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);
  /* Screenshots show the end state, never a transition half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  /* A registered application runs startup: adw_init(), settings,
   * app actions and accelerators, as the real app does. */
  test_app = nb_application_new ();
  g_application_set_flags (G_APPLICATION (test_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
}

int
nb_gui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&test_app);
  return status;
}

GApplication *
nb_gui_test_get_app (void)
{
  g_assert_nonnull (test_app);
  return G_APPLICATION (test_app);
}

NbStore *
nb_gui_test_open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  NbStore *store;

  g_assert_nonnull (g_getenv ("NETBOOK_TEST_SCRATCH"));
  path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), name, NULL);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
nb_gui_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_frame_after_paint_cb (GdkFrameClock *clock,
                         gpointer       data)
{
  guint *frames = data;

  (*frames)++;
}

void
nb_gui_test_wait_drawn (GtkWidget *widget)
{
  GtkNative *native;
  GdkFrameClock *clock;
  guint frames = 0;
  /* Generous: a frame of a big page under AddressSanitizer on a loaded
   * machine can take seconds. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gulong handler;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));

  native = gtk_widget_get_native (widget);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (native));
  g_assert_nonnull (clock);

  /* Two painted frames: the first may still carry the initial size.
   * Never queue a draw after the last one: the widget paintable renders
   * what was last drawn, and a pending redraw leaves it empty. */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint_cb), &frames);
  while (frames < 2 && g_get_monotonic_time () < deadline)
    {
      guint before = frames;

      gtk_widget_queue_draw (GTK_WIDGET (native));
      while (frames == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (frames, >=, 2);
}

GdkTexture *
nb_gui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

GdkTexture *
nb_gui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  texture = nb_gui_test_render (widget);

  if (g_getenv ("NETBOOK_SCREENSHOT_DIR") != NULL)
    dir = g_strdup (g_getenv ("NETBOOK_SCREENSHOT_DIR"));
  else
    dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return g_steal_pointer (&texture);
}

double
nb_gui_test_luminance (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc ((gsize) height * stride);
  double sum = 0;

  /* Cairo ARGB32 in native byte order: B G R A on little endian. */
  gdk_texture_download (texture, data, stride);
  for (gsize i = 0; i < (gsize) height * stride; i += 4)
    sum += 0.0722 * data[i] + 0.7152 * data[i + 1] + 0.2126 * data[i + 2];

  return sum / ((double) width * height * 255.0);
}

GtkWidget *
nb_gui_test_find (GtkWidget *root,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nb_gui_test_find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
nb_gui_test_find_label (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nb_gui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ---- Alerts (nb-dialog.h) ------------------------------------------- */

GtkWidget *
nb_gui_test_find_alert (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *alert;

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (parent != NULL && window != parent && gtk_window_get_transient_for (window) != parent)
        continue;
      /* A window of its own (AdwMessageDialog), or inside one
       * (AdwAlertDialog: in its parent, or alone in a window). */
      alert = nb_gui_test_find (GTK_WIDGET (window), NB_TYPE_ALERT_DIALOG);
      if (alert != NULL && gtk_widget_get_visible (alert))
        return alert;
    }

  return NULL;
}

GtkWidget *
nb_gui_test_wait_for_alert (void)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWidget *alert = nb_gui_test_find_alert (NULL);

      if (alert != NULL)
        return alert;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_not_reached ();
}

#if ADW_CHECK_VERSION (1, 5, 0)
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}
#endif

void
nb_gui_test_respond (GtkWidget  *dialog,
                     const char *response)
{
  g_assert_true (NB_IS_ALERT_DIALOG (dialog));
  g_assert_true (nb_dialog_has_response (dialog, response));
  g_assert_true (nb_dialog_get_response_enabled (dialog, response));

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    const char *label = adw_alert_dialog_get_response_label (ADW_ALERT_DIALOG (dialog), response);
    GtkWidget *button = find_button (dialog, label);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
#else
  nb_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
#endif
}

void
nb_gui_test_destroy_dialog (GtkWidget *dialog)
{
  if (GTK_IS_WINDOW (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
#if ADW_CHECK_VERSION (1, 5, 0)
  else if (gtk_widget_get_parent (dialog) != NULL)
    adw_dialog_force_close (ADW_DIALOG (dialog));
#endif
  else if (g_object_is_floating (dialog))
    g_object_unref (g_object_ref_sink (dialog));
}

gboolean
nb_gui_test_press (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget, NULL);
        }
    }

  return FALSE;
}

GtkWindow *
nb_gui_test_find_transient_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
on_clipboard_read_cb (GObject      *clipboard,
                      GAsyncResult *result,
                      gpointer      data)
{
  char **text = data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

char *
nb_gui_test_dup_copied_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_signal_emit_by_name (view, "copy-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL,
                                 on_clipboard_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_text_buffer_place_cursor (buffer, &start);

  return text;
}
