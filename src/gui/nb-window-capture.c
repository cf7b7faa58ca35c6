/* nb-window-capture.c: the main window's side of the quick capture:
 * "win.quick-capture" (Ctrl+Shift+N, `netbook --capture`), the offer to
 * continue an unfinished capture at start-up, and the toast once a
 * capture is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-agenda-page.h"
#include "nb-capture-window.h"
#include "nb-window-private.h"

/* One capture at a time: a second Ctrl+Shift+N brings it forward. */
static GtkWindow *
find_capture_window (NbWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (NB_IS_CAPTURE_WINDOW (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        return window;
    }

  return NULL;
}

static void
on_capture_saved_cb (NbWindow        *self,
                     gint64           event_id,
                     NbCaptureWindow *capture)
{
  guint n = nb_capture_window_get_n_people_saved (capture);
  g_autofree char *escaped = g_markup_escape_text (nb_capture_window_get_event_name (capture), -1);
  g_autofree char *title = NULL;
  g_autoptr(AdwToast) toast = NULL;

  /* Translators: %u people, %s the event. The toast's title is markup:
   * the event's name is escaped. */
  title = g_strdup_printf (ngettext ("Captured %u person at %s",
                                     "Captured %u people at %s", n),
                           n, escaped);
  toast = adw_toast_new (title);
  nb_window_add_toast (self, toast);

  /* The list follows the store's signals; the agenda is a snapshot. */
  if (self->view == NB_WINDOW_VIEW_AGENDA && self->agenda_page != NULL)
    nb_agenda_page_refresh (NB_AGENDA_PAGE (self->agenda_page));
}

static void
open_capture (NbWindow       *self,
              NbCaptureDraft *draft)
{
  GtkWindow *capture = find_capture_window (self);

  if (capture == NULL)
    {
      capture = GTK_WINDOW (nb_capture_window_new (GTK_WINDOW (self), self->store, draft));
      g_signal_connect_object (capture, "saved", G_CALLBACK (on_capture_saved_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (capture);
}

static void
quick_capture_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->store != NULL)
    open_capture (self, NULL);
}

static void
continue_capture_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  gint64 draft_id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  drafts = nb_store_load_capture_drafts (self->store, &error);
  if (drafts == NULL)
    {
      _nb_window_toast_error (self, error);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      NbCaptureDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->id == draft_id)
        {
          open_capture (self, draft);
          return;
        }
    }
}

void
_nb_window_offer_capture_draft (NbWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  NbCaptureDraft *draft = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  /* Nothing to offer is also what a failed read offers. */
  drafts = nb_store_load_capture_drafts (self->store, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len && draft == NULL; i++)
    if (!nb_capture_draft_is_empty (g_ptr_array_index (drafts, i)))
      draft = g_ptr_array_index (drafts, i);
  if (draft == NULL)
    return;

  name = g_strstrip (g_strdup (draft->event_name));
  if (name[0] == '\0')
    title = g_strdup (_("You have an unfinished capture"));
  else
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      /* Translators: %s is an event; the toast's title is markup */
      title = g_strdup_printf (_("You have an unfinished capture from %s"), escaped);
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Continue"));
  adw_toast_set_action_name (toast, "win.continue-capture");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (draft->id));
  /* Until answered: it is the user's unsaved work. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_nb_window_install_capture_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.quick-capture", NULL, quick_capture_action);
  gtk_widget_class_install_action (widget_class, "win.continue-capture", "x", continue_capture_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.quick-capture", NULL);
}
