/* nb-application.c: the AdwApplication, its app-wide actions and About.
 *
 * `netbook --brief NAME` and `netbook --capture` are app actions
 * ("app.brief", "app.quick-capture") activated from
 * handle-local-options: GApplication sends an action activated in a
 * second instance to the running one over D-Bus, so a launcher or a
 * terminal reaches the window that is already open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-io-actions.h"
#include "nb-restore.h"
#include "nb-store.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  NbStore        *store;
  GError         *store_error;
  gboolean        backup_scheduled;
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

/* The main window, made on first use. */
static NbWindow *
nb_application_ensure_window (NbApplication *self)
{
  NbWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data))
      return l->data;

  nb_application_open_store (self);
  window = nb_window_new (ADW_APPLICATION (self), self->settings, self->store);
  if (self->store_error != NULL)
    {
      g_autofree char *db_path = nb_application_dup_db_path (self);

      nb_window_show_store_error (window, self->store_error);
      nb_restore_offer_on_error_page (self, window, db_path);
    }

  return window;
}

static void
nb_application_brief (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  NbApplication *self = user_data;
  NbWindow *window = nb_application_ensure_window (self);

  nb_window_brief (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* The capture page belongs to the window; until a window has
 * "win.quick-capture", this only brings the window forward. */
static void
nb_application_quick_capture (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  NbApplication *self = user_data;
  NbWindow *window = nb_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.quick-capture", NULL))
    g_message ("Quick capture is not available in this version of Netbook");
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
  { "brief", nb_application_brief, "s", NULL, NULL, { 0 } },
  { "quick-capture", nb_application_quick_capture, NULL, NULL, NULL, { 0 } },
};

static const GOptionEntry option_entries[] = {
  { "brief", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Open the pre-meeting briefing of NAME (a name, part of one, or an id)"), N_("NAME") },
  { "capture", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start a quick capture of the people you met at an event"), NULL },
  { NULL, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL, NULL, NULL },
};

static gboolean
on_automatic_backup_idle_cb (gpointer data)
{
  nb_io_backup_automatic (data, FALSE);
  return G_SOURCE_REMOVE;
}

static void
nb_application_activate (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (nb_application_ensure_window (self)));

  /* Once the window is up, so that start-up never waits for it. */
  if (!self->backup_scheduled)
    {
      self->backup_scheduled = TRUE;
      g_idle_add_full (G_PRIORITY_LOW, on_automatic_backup_idle_cb,
                       g_object_ref (self), g_object_unref);
    }
}

static int
nb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean capture = g_variant_dict_contains (options, "capture");

  if (!g_variant_dict_lookup (options, "brief", "&s", &name) || name[0] == '\0')
    name = NULL;
  if (name == NULL && !capture)
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Runs in the primary instance, wherever it was asked. */
  if (name != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "brief", g_variant_new_string (name));
  if (capture)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quick-capture", NULL);

  /* A second instance is done; the first goes on into its main loop. */
  return g_application_get_is_remote (app) ? 0 : -1;
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
  nb_io_actions_install (self);
}

static void
nb_application_shutdown (GApplication *app)
{
  NbApplication *self = NB_APPLICATION (app);
  GList *windows;

  nb_io_backup_automatic (self, TRUE);

  /* Close the notebook here rather than leave it to the process's end:
   * the windows and their models hold the store, and only its last
   * unref checkpoints the WAL into the file and notes the file healthy
   * (nb-db.c), so that the next start need not check every page. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (nb_application_parent_class)->shutdown (app);
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
  app_class->handle_local_options = nb_application_handle_local_options;
  app_class->startup = nb_application_startup;
  app_class->shutdown = nb_application_shutdown;
}

static void
nb_application_init (NbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Netbook keeps what you learn about the people you meet, what you promised them, and where each relationship stands."));
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

NbStore *
nb_application_get_store (NbApplication *self)
{
  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  return self->store;
}

char *
nb_application_dup_db_path (NbApplication *self)
{
  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  if (self->store != NULL)
    return g_strdup (nb_store_get_path (self->store));
  if (g_getenv ("NETBOOK_DB") != NULL)
    return g_strdup (g_getenv ("NETBOOK_DB"));
  return nb_store_get_default_path ();
}

void
nb_application_close_store (NbApplication *self)
{
  GList *windows;

  g_return_if_fail (NB_IS_APPLICATION (self));

  /* Every window on the notebook goes, so that the file is closed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}

NbWindow *
nb_application_reopen_store (NbApplication *self)
{
  NbWindow *window;

  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  window = nb_application_ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}
