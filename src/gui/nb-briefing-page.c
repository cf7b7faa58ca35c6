/* nb-briefing-page.c: the pre-meeting briefing as a reading page.
 *
 * One calm column in the order of UX.md: who they are, where we stand
 * (with the "listen, don't pitch yet" hint while trust is low), last
 * time, what is open, what I promised, goodwill, their ideal referral,
 * common ground, questions still to ask, who could help and next steps.
 * Everything the user typed is shown with plain GtkLabels, never markup.
 *
 * The page is rebuilt from nb_store_build_briefing() whenever the store
 * changes something it shows: at idle while it is on screen, else the
 * next time it is shown or asked for its briefing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-briefing-page-private.h"
#include "nb-gui-util.h"

G_DEFINE_FINAL_TYPE (NbBriefingPage, nb_briefing_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_PERSON,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void nb_briefing_page_rebuild (NbBriefingPage *self);

/* ---- Helpers ------------------------------------------------------- */

void
_nb_briefing_page_show_toast (NbBriefingPage *self,
            AdwToast       *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  if (g_signal_has_handler_pending (self, signals[TOAST], 0, FALSE))
    {
      g_signal_emit (self, signals[TOAST], 0, toast);
      return;
    }

  /* Nobody listening: the nearest overlay will do. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

void
_nb_briefing_page_show_error_toast (NbBriefingPage *self,
                  const char     *format,
                  ...)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);

  toast = adw_toast_new (title);
  /* Errors stay until read. */
  adw_toast_set_timeout (toast, 0);
  _nb_briefing_page_show_toast (self, toast);
}

static void
nb_briefing_page_rebuild (NbBriefingPage *self)
{
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->person_id != 0)
    {
      briefing = nb_store_build_briefing (self->store, self->person_id, NULL, &error);
      /* Deleted under our feet is not an error: the window moves on. */
      if (briefing == NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *why = g_markup_escape_text (error->message, -1);

          /* Translators: %s says why */
          _nb_briefing_page_show_error_toast (self, _("Could not prepare the briefing: %s"), why);
        }
    }

  g_set_object (&self->briefing, briefing);
  if (briefing == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  _nb_briefing_page_fill (self);
  gtk_stack_set_visible_child_name (self->stack, "briefing");
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  NbBriefingPage *self = data;

  self->rebuild_source = 0;
  nb_briefing_page_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* One rebuild for all the signals of one commit. At default priority:
 * an idle below it can wait behind a busy window for long. Hidden pages
 * wait until they are shown or asked. */
static void
nb_briefing_page_queue_rebuild (NbBriefingPage *self)
{
  self->dirty = TRUE;
  if (self->rebuild_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb, self, NULL);
}

/* ---- Callbacks ----------------------------------------------------- */

/* Any card may have changed: the person, who introduced them, or
 * someone who now offers what they need. */
static void
on_store_person_changed_cb (NbBriefingPage *self)
{
  if (self->person_id != 0)
    nb_briefing_page_queue_rebuild (self);
}

static void
on_store_entry_changed_cb (NbBriefingPage *self,
                           gint64          entry_id,
                           gint64          person_id,
                           gint64          other_person_id)
{
  if (self->person_id != 0 && (person_id == self->person_id || other_person_id == self->person_id))
    nb_briefing_page_queue_rebuild (self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_PERSON], 0, g_variant_get_int64 (parameter));
}

/* ---- Overrides ----------------------------------------------------- */

static void
nb_briefing_page_constructed (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "person-changed",
                           G_CALLBACK (on_store_person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "entry-changed",
                           G_CALLBACK (on_store_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed-outside",
                           G_CALLBACK (on_store_person_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
nb_briefing_page_map (GtkWidget *widget)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (widget);

  GTK_WIDGET_CLASS (nb_briefing_page_parent_class)->map (widget);

  if (self->dirty)
    nb_briefing_page_queue_rebuild (self);
}

static void
nb_briefing_page_dispose (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
#endif

  /* The bin unparents its child itself: let it, before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_BRIEFING_PAGE);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->dispose (object);
}

static void
nb_briefing_page_finalize (GObject *object)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  g_clear_object (&self->briefing);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_briefing_page_parent_class)->finalize (object);
}

static void
nb_briefing_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_briefing_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NbBriefingPage *self = NB_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      nb_briefing_page_set_person_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_briefing_page_class_init (NbBriefingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_briefing_page_constructed;
  object_class->dispose = nb_briefing_page_dispose;
  object_class->finalize = nb_briefing_page_finalize;
  object_class->get_property = nb_briefing_page_get_property;
  object_class->set_property = nb_briefing_page_set_property;

  widget_class->map = nb_briefing_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PERSON] =
    g_signal_new ("open-person",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-briefing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, avatar);
  /* Only for gtk_widget_get_template_child(): see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "none_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, who_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, standing_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, hint_box);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, last_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, items_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, promises_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, upcoming_section);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, upcoming_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, given_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, goodwill_hint);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, referral_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, common_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, questions_body);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, helpers_list);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, helpers_empty_label);
  gtk_widget_class_bind_template_child (widget_class, NbBriefingPage, steps_body);

  gtk_widget_class_install_action (widget_class, "briefing.open-person", "x", open_person_action);

  gtk_widget_class_set_css_name (widget_class, "briefingpage");
}

static void
nb_briefing_page_init (NbBriefingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), NB_TYPE_BRIEFING_PAGE, "none_page")));
}

/* ---- Public API ---------------------------------------------------- */

GtkWidget *
nb_briefing_page_new (NbStore *store)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_BRIEFING_PAGE, "store", store, NULL);
}

void
nb_briefing_page_set_person_id (NbBriefingPage *self,
                                gint64          person_id)
{
  g_return_if_fail (NB_IS_BRIEFING_PAGE (self));

  if (self->person_id == person_id && !self->dirty && self->briefing != NULL)
    return;

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      /* A new person starts at the top. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }

  nb_briefing_page_rebuild (self);
}

gint64
nb_briefing_page_get_person_id (NbBriefingPage *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), 0);

  return self->person_id;
}

NbBriefing *
nb_briefing_page_get_briefing (NbBriefingPage *self)
{
  g_return_val_if_fail (NB_IS_BRIEFING_PAGE (self), NULL);

  if (self->dirty)
    nb_briefing_page_rebuild (self);

  return self->briefing;
}

