/* nb-preferences-window.c: Preferences: backups.
 *
 * The interval and the number kept are the GSettings keys
 * backup-interval-days and backup-keep, which nb-io-actions.c reads at
 * start-up and on quit.
 *
 * On libadwaita 1.5+ it is an AdwPreferencesDialog, shown inside the
 * main window (template nb-preferences-dialog.ui); on older ones an
 * AdwPreferencesWindow (nb-preferences-window.ui), whose leaflet is
 * deprecated on newer ones. The children are the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-backup.h"
#include "nb-preferences-window.h"
#include "nb-restore.h"

struct _NbPreferencesWindow
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwPreferencesDialog  parent_instance;
#else
  AdwPreferencesWindow  parent_instance;
#endif

  NbApplication        *app;
  /* What it is shown over (weak). */
  NbWindow             *parent;
  GSettings            *settings;
  /* The interval row's items, in days. */
  GArray               *intervals;
  gboolean              updating;

  /* Template widgets */
  AdwComboRow          *interval_row;
  GtkSpinButton        *keep_spin;
  AdwActionRow         *folder_row;
  AdwActionRow         *newest_row;
};

#if ADW_CHECK_VERSION (1, 5, 0)
G_DEFINE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, ADW_TYPE_PREFERENCES_DIALOG)
# define TEMPLATE "/com/example/Netbook/nb-preferences-dialog.ui"
#else
G_DEFINE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)
# define TEMPLATE "/com/example/Netbook/nb-preferences-window.ui"
#endif

/* ---- Helpers -------------------------------------------------------- */

static void
add_toast (NbPreferencesWindow *self,
           AdwToast            *toast)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), toast);
#else
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
#endif
}

static char *
dup_backup_dir (NbPreferencesWindow *self)
{
  g_autofree char *db_path = nb_application_dup_db_path (self->app);

  return nb_backup_dir_for (db_path);
}

static void
update_backups (NbPreferencesWindow *self)
{
  g_autofree char *dir = dup_backup_dir (self);
  g_autoptr(GPtrArray) infos = nb_backup_list (dir, NULL);
  g_autofree char *newest = NULL;

  adw_action_row_set_subtitle (self->folder_row, dir);
  for (guint i = 0; infos != NULL && i < infos->len && newest == NULL; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);

      if (info->kind == NB_BACKUP_REGULAR)
        newest = nb_restore_dup_backup_date (info->path);
    }
  adw_action_row_set_subtitle (self->newest_row, newest != NULL ? newest : _("None yet"));
}

/* Off, every day, every week, and the setting's own number if it is
 * none of these (set with gsettings). */
static void
update_interval (NbPreferencesWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  int days = g_settings_get_int (self->settings, "backup-interval-days");
  static const int standard[] = { 0, 1, 7 };
  guint selected = G_MAXUINT;

  /* The row itself set it: its model stays. */
  if (self->updating)
    return;

  g_array_set_size (self->intervals, 0);
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_array_append_val (self->intervals, standard[i]);
      if (standard[i] == days)
        selected = i;
    }
  gtk_string_list_append (list, C_("backup interval", "Off"));
  gtk_string_list_append (list, C_("backup interval", "Every Day"));
  gtk_string_list_append (list, C_("backup interval", "Every Week"));
  if (selected == G_MAXUINT)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("Every %d Day", "Every %d Days", days), days);

      gtk_string_list_append (list, label);
      g_array_append_val (self->intervals, days);
      selected = self->intervals->len - 1;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->interval_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->interval_row, selected);
  self->updating = FALSE;
}

static gboolean
int_to_double (GValue   *value,
               GVariant *variant,
               gpointer  data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
double_to_int (const GValue       *value,
               const GVariantType *type,
               gpointer            data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

/* ---- Callbacks ------------------------------------------------------ */

static void
on_interval_row_selected_cb (NbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->interval_row);

  if (self->updating || self->intervals == NULL || selected >= self->intervals->len)
    return;

  self->updating = TRUE;
  g_settings_set_int (self->settings, "backup-interval-days",
                      g_array_index (self->intervals, int, selected));
  self->updating = FALSE;
}

static void
on_back_up_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NbPreferencesWindow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  path = nb_backup_now_finish (NB_STORE (source), result, &error);
  if (path == NULL)
    {
      escaped = g_markup_escape_text (error->message, -1);
      /* Translators: %s is why */
      title = g_strdup_printf (_("Could not back up: %s"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    g_autofree char *basename = g_path_get_basename (path);

    escaped = g_markup_escape_text (basename, -1);
  }
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Backed up as %s"), escaped);
  add_toast (self, adw_toast_new (title));
  update_backups (self);
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
on_back_up_row_activated_cb (NbPreferencesWindow *self)
{
  nb_preferences_window_back_up_now_async (self, NULL, NULL);
}

static void
on_restore_row_activated_cb (NbPreferencesWindow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window it is in: itself, or on libadwaita 1.5+ the main window. */
  nb_restore_choose (self->app, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : GTK_WINDOW (self->parent));
}

/* ---- Overrides ------------------------------------------------------ */

static void
nb_preferences_window_dispose (GObject *object)
{
  NbPreferencesWindow *self = NB_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_settings_unbind (self->keep_spin, "value");
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nb_preferences_window_parent_class)->dispose (object);
}

static void
nb_preferences_window_finalize (GObject *object)
{
  NbPreferencesWindow *self = NB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->app);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->intervals, g_array_unref);

  G_OBJECT_CLASS (nb_preferences_window_parent_class)->finalize (object);
}

static void
nb_preferences_window_class_init (NbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_preferences_window_dispose;
  object_class->finalize = nb_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, NbPreferencesWindow, newest_row);
  gtk_widget_class_bind_template_callback (widget_class, on_interval_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_up_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_row_activated_cb);
}

static void
nb_preferences_window_init (NbPreferencesWindow *self)
{
  self->intervals = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API ----------------------------------------------------- */

NbPreferencesWindow *
nb_preferences_window_new (NbApplication *app,
                           NbWindow      *parent)
{
  NbPreferencesWindow *self;

  g_return_val_if_fail (NB_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (parent == NULL || NB_IS_WINDOW (parent), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  self = g_object_new (NB_TYPE_PREFERENCES_WINDOW, NULL);
#else
  self = g_object_new (NB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
#endif
  g_set_weak_pointer (&self->parent, parent);
  self->app = g_object_ref (app);
  self->settings = g_object_ref (nb_application_get_settings (app));

  update_interval (self);
  g_signal_connect_object (self->settings, "changed::backup-interval-days",
                           G_CALLBACK (update_interval), self, G_CONNECT_SWAPPED);
  g_settings_bind_with_mapping (self->settings, "backup-keep", self->keep_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, int_to_double, double_to_int, NULL, NULL);
  update_backups (self);

  return self;
}

void
nb_preferences_window_present (NbPreferencesWindow *self)
{
  g_return_if_fail (NB_IS_PREFERENCES_WINDOW (self));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
#else
  gtk_window_present (GTK_WINDOW (self));
#endif
}

void
nb_preferences_window_destroy (NbPreferencesWindow *self)
{
  g_return_if_fail (NB_IS_PREFERENCES_WINDOW (self));

#if ADW_CHECK_VERSION (1, 5, 0)
  /* Shown: the dialog host drops it once closed. Never shown: it is
   * still floating, and only this reference holds it. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    adw_dialog_force_close (ADW_DIALOG (self));
  else
    g_object_unref (g_object_ref_sink (self));
#else
  gtk_window_destroy (GTK_WINDOW (self));
#endif
}

void
nb_preferences_window_back_up_now_async (NbPreferencesWindow *self,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  NbStore *store;
  GTask *task;

  g_return_if_fail (NB_IS_PREFERENCES_WINDOW (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, nb_preferences_window_back_up_now_async);

  store = nb_application_get_store (self->app);
  if (store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _("The notebook is not open"));
      g_object_unref (task);
      return;
    }
  nb_backup_now_async (store, NULL, on_back_up_done_cb, task);
}

char *
nb_preferences_window_back_up_now_finish (NbPreferencesWindow *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
