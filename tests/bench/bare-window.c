/* bare-window: the floor of any libadwaita app's start-up.
 *
 * An AdwApplication whose window is an AdwApplicationWindow with a
 * header bar, at the size Netbook opens at, and nothing else. Like
 * Netbook with NETBOOK_EXIT_AFTER_FIRST_FRAME=1, it prints one line on
 * stderr once its first frame is painted, then quits. netbook-bench
 * runs it beside the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

/* Netbook's default window size (data/com.example.Netbook.gschema.xml). */
#define WIDTH 1024
#define HEIGHT 720

static gint64 start_time;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GApplication *app = user_data;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  g_printerr ("bare-window: first frame after %.1f ms\n",
              (double) (g_get_monotonic_time () - start_time) / 1000.0);
  g_application_quit (app);
}

static void
on_window_mapped_cb (GtkWidget *window,
                     gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

static void
on_activate_cb (GtkApplication *app,
                gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);

  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  start_time = g_get_monotonic_time ();

  app = adw_application_new ("com.example.NetbookBench.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
