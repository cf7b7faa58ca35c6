/* nb-application.c: the AdwApplication, its app-wide actions and About.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-store.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  NbStore        *store;
  GError         *store_error;
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

static void
nb_application_show_about (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  NbApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Netbook developers", NULL };

  /* AdwAboutWindow is the libadwaita 1.2 API; newer runtimes have the
   * adaptive AdwAboutDialog, which behaves better at phone width. */
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  g_object_set (about,
#else
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  g_object_set (about,
#endif
                "application-name", _("Netbook"),
                "application-icon", APP_ID,
                "developer-name", _("The Netbook developers"),
                "version", PACKAGE_VERSION,
                "website", "https://example.com/netbook",
                "issue-url", "https://example.com/netbook/issues",
                "comments", _("Know, like and trust the people you meet. Netbook keeps what you learn about them, what you promised, and where each relationship stands — privately, on your computer."),
                "copyright", "© 2026 The Netbook developers",
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                /* Translators: Replace "translator-credits" with your names, one name per line */
                "translator-credits", _("translator-credits"),
                NULL);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (about, window ? GTK_WIDGET (window) : NULL);
#else
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
nb_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  NbApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows properly so each saves its state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", nb_application_show_about, NULL, NULL, NULL, { 0 } },
  { "quit", nb_application_quit, NULL, NULL, NULL, { 0 } },
};

static void
nb_application_open_store (NbApplication *self)
{
  if (self->store != NULL || self->store_error != NULL)
    return;

  /* NETBOOK_DB, like netbook-cli, picks another notebook (tests, demos);
   * otherwise the default one in the app's data folder. A notebook that
   * cannot be opened is never replaced: the window explains instead. */
  self->store = nb_store_open (g_getenv ("NETBOOK_DB"), &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open the notebook: %s", self->store_error->message);
}

static void
nb_application_activate (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      nb_application_open_store (self);
      window = GTK_WINDOW (nb_window_new (ADW_APPLICATION (self), self->settings, self->store));
      if (self->store_error != NULL)
        nb_window_show_store_error (NB_WINDOW (window), self->store_error);
    }

  gtk_window_present (window);
}

static void
nb_application_startup (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (nb_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
nb_application_finalize (GObject *object)
{
  NbApplication *self = NB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (nb_application_parent_class)->finalize (object);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nb_application_finalize;

  app_class->activate = nb_application_activate;
  app_class->startup = nb_application_startup;
}

static void
nb_application_init (NbApplication *self)
{
}

NbApplication *
nb_application_new (void)
{
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/example/Netbook",
                       NULL);
}

GSettings *
nb_application_get_settings (NbApplication *self)
{
  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  return self->settings;
}
