/* main.c: Netbook, the relationship notebook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nb-application.h"

/* NETBOOK_EXIT_AFTER_FIRST_FRAME=1, for netbook-bench only: quit once
 * the main window's first frame is painted, saying so on stderr. The
 * window's first frame may show only the first people of a large
 * notebook (nb_store_get_people_model_first()): then it quits after the
 * first frame painted with everyone, and says that too, so that peak
 * memory counts the whole list. */
static gint64 start_time;

static double
elapsed_ms (void)
{
  return (double) (g_get_monotonic_time () - start_time) / 1000.0;
}

static void
on_frame_painted_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  NbApplication *app = user_data;
  static gboolean first = TRUE;
  NbStore *store = nb_application_get_store (app);

  if (first)
    g_printerr ("netbook: first frame after %.1f ms\n", elapsed_ms ());

  if (store == NULL || nb_store_is_people_model_complete (store))
    {
      if (!first)
        g_printerr ("netbook: frame with the whole people list after %.1f ms\n", elapsed_ms ());
      g_signal_handlers_disconnect_by_func (clock, on_frame_painted_cb, user_data);
      g_application_quit (G_APPLICATION (app));
    }

  first = FALSE;
}

static void
on_first_window_mapped_cb (GtkWidget *window,
                           gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_first_window_mapped_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_frame_painted_cb), user_data);
}

static void
on_first_window_added_cb (GtkApplication *app,
                          GtkWindow      *window,
                          gpointer        user_data)
{
  g_signal_handlers_disconnect_by_func (app, on_first_window_added_cb, user_data);
  g_signal_connect (window, "map", G_CALLBACK (on_first_window_mapped_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NbApplication) app = NULL;

  start_time = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nb_application_new ();
  if (g_strcmp0 (g_getenv ("NETBOOK_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_first_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
