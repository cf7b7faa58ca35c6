/* nb-person-page.c: one person's page.
 *
 * The page scrolls as a whole, so the timeline is a GtkListBox bound to
 * the store's live timeline model rather than a GtkListView: a list view
 * inside a scrolled page gets its whole height and creates every row
 * anyway, and a person's timeline is short (usually < 100 entries).
 * Dreams, challenges, needs and follow-ups are filtered views of the
 * same model, so every change in the store shows everywhere at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-entry-row.h"
#include "nb-gui-util.h"
#include "nb-person-page-private.h"

/* Below this width the meter stacks its bars. */
#define COMPACT_WIDTH 500

G_DEFINE_FINAL_TYPE (NbPersonPage, nb_person_page, ADW_TYPE_BIN)

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

/* The kinds shown in the groups, indexed like NbPersonPage.filters. */
static const NbEntryKind group_kinds[] = {
  NB_ENTRY_DREAM, NB_ENTRY_CHALLENGE, NB_ENTRY_NEED, NB_ENTRY_FOLLOW_UP,
};

static void
ensure_css (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/com/example/Netbook/nb-person-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
_nb_person_page_show_toast (NbPersonPage *self,
                            AdwToast     *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  if (self->disposing)
    return;

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
_nb_person_page_emit_open_person (NbPersonPage *self,
                                  gint64        person_id)
{
  g_signal_emit (self, signals[OPEN_PERSON], 0, person_id);
}

static void
recompute_trust (NbPersonPage *self)
{
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(GError) error = NULL;

  if (self->person_id != 0)
    {
      trust = nb_store_compute_trust (self->store, self->person_id, NULL, &error);
      if (trust == NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not compute trust for person %" G_GINT64_FORMAT ": %s",
                   self->person_id, error->message);
    }

  nb_trust_meter_set_trust (self->meter, trust);
}

static char *
dup_person_name (NbPersonPage *self,
                 gint64        person_id)
{
  g_autoptr(NbPerson) person = NULL;

  if (person_id == 0)
    return NULL;

  person = nb_store_get_person (self->store, person_id, NULL);
  if (person == NULL)
    return NULL;

  return g_strdup (nb_person_get_display_name (person));
}

static void
update_identity (NbPersonPage *self)
{
  NbPerson *person = self->person;
  g_autofree char *subtitle = nb_person_dup_subtitle (person);
  g_autofree char *introducer = NULL;
  g_autofree char *met = NULL;
  const char *met_date = nb_person_get_field (person, NB_PERSON_MET_DATE);
  const char *met_where = nb_person_get_field (person, NB_PERSON_MET_WHERE);
  gint64 introduced_by = nb_person_get_introduced_by (person);

  nb_avatar_set_person (self->avatar, person);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), TRUE);
  gtk_label_set_text (self->name_label, nb_person_get_display_name (person));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');

  if (*met_date != '\0')
    {
      g_autofree char *date = nb_date_format_long (met_date);

      if (*met_where != '\0')
        /* Translators: "Met 2 May 2024 at Chamber breakfast" */
        met = g_strdup_printf (_("Met %s at %s"), date, met_where);
      else
        /* Translators: "Met 2 May 2024" */
        met = g_strdup_printf (_("Met %s"), date);
    }
  else if (*met_where != '\0')
    /* Translators: "Met at Chamber breakfast" */
    met = g_strdup_printf (_("Met at %s"), met_where);

  gtk_label_set_text (self->met_label, met != NULL ? met : "");
  gtk_widget_set_visible (GTK_WIDGET (self->met_label), met != NULL);

  introducer = dup_person_name (self, introduced_by);
  gtk_widget_set_visible (self->introduced_box, introducer != NULL);
  if (introducer != NULL)
    {
      gtk_label_set_text (self->introduced_label, introducer);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->introduced_button),
                                              g_variant_new_int64 (introduced_by));
    }
}

static void
reload_person (NbPersonPage *self)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = nb_store_get_person (self->store, self->person_id, &error);
  if (person == NULL)
    {
      /* Deleted under our feet: undeleting brings it back. */
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  g_set_object (&self->person, person);
  update_identity (self);
  nb_person_card_set_person (self->card, person);
  recompute_trust (self);
  gtk_stack_set_visible_child_name (self->stack, "person");
}

static gboolean
group_filter_func (gpointer item,
                   gpointer user_data)
{
  NbEntry *entry = item;
  NbEntryKind kind = GPOINTER_TO_INT (user_data);

  return nb_entry_get_kind (entry) == kind && nb_entry_get_status (entry) == NB_STATUS_OPEN;
}

static int
compare_due_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int cmp = g_strcmp0 (nb_entry_get_due ((NbEntry *) a), nb_entry_get_due ((NbEntry *) b));

  if (cmp == 0)
    cmp = g_strcmp0 (nb_entry_get_date ((NbEntry *) a), nb_entry_get_date ((NbEntry *) b));

  return cmp;
}

static GtkWidget *
new_entry_menu_button (NbEntry    *entry,
                       const char *label)
{
  g_autoptr(GMenuModel) menu = nb_entry_row_build_menu (entry);
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (label != NULL)
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
      gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
      gtk_widget_set_tooltip_text (button, _("Change Status"));
    }
  else
    {
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_widget_set_tooltip_text (button, _("Follow-up Menu"));
    }

  return button;
}

static GtkWidget *
create_group_row_cb (gpointer item,
                     gpointer user_data)
{
  NbPersonPage *self = user_data;
  NbEntry *entry = item;
  g_autofree char *date_long = nb_date_format_long (nb_entry_get_date (entry));
  g_autofree char *relative = nb_date_format_relative (nb_entry_get_date (entry), self->today);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = nb_text_preview (nb_entry_get_text (entry),
                                            NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);
  GtkWidget *row = adw_action_row_new ();

  /* The whole text is on the entry's timeline row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: when a dream/challenge/need was noted: "2 May 2024 · 3 weeks ago" */
  subtitle = g_strdup_printf (_("%s · %s"), date_long, relative);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_entry_menu_button (entry, nb_status_get_label (nb_entry_get_status (entry))));
  g_object_set_data_full (G_OBJECT (row), "nb-entry", g_object_ref (entry), g_object_unref);

  return row;
}

static void
on_followup_check_toggled_cb (GtkCheckButton *check,
                              NbPersonPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  NbEntry *entry = g_object_get_data (G_OBJECT (row), "nb-entry");

  if (!gtk_check_button_get_active (check) || entry == NULL)
    return;

  _nb_person_page_fade_then_set_status (self, row, nb_entry_get_id (entry), NB_STATUS_DONE, nb_entry_get_status (entry));
}

static GtkWidget *
create_followup_row_cb (gpointer item,
                        gpointer user_data)
{
  NbPersonPage *self = user_data;
  NbEntry *entry = item;
  gboolean overdue = FALSE;
  g_autofree char *due = nb_entry_row_dup_due_text (entry, self->today, &overdue);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *due_label = gtk_label_new (due);
  g_autofree char *title = nb_text_preview (nb_entry_get_text (entry),
                                            NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "nb-entry", g_object_ref (entry), g_object_unref);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Mark as Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"),
                                  -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_followup_check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_add_css_class (due_label, "caption");
  gtk_widget_add_css_class (due_label, overdue ? "error" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_entry_menu_button (entry, NULL));

  return row;
}

static GtkWidget *
create_timeline_row_cb (gpointer item,
                        gpointer user_data)
{
  NbPersonPage *self = user_data;
  NbEntry *entry = item;
  g_autofree char *partner = NULL;

  if (nb_entry_get_kind (entry) == NB_ENTRY_INTRODUCTION)
    {
      gint64 partner_id = nb_entry_get_person_id (entry) == self->person_id
        ? nb_entry_get_other_person_id (entry)
        : nb_entry_get_person_id (entry);

      partner = dup_person_name (self, partner_id);
    }

  return nb_entry_row_new (entry, self->person_id, partner, self->today);
}

static GtkWidget *
new_group_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "nb-group-placeholder");

  return label;
}

static void
update_timeline_empty (NbPersonPage *self)
{
  gboolean empty = self->timeline == NULL || g_list_model_get_n_items (self->timeline) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list), !empty);
  gtk_widget_set_visible (self->timeline_empty, empty);
}

static void
on_timeline_items_changed_cb (NbPersonPage *self)
{
  update_timeline_empty (self);
}

static void
bind_lists (NbPersonPage *self)
{
  GtkListBox *lists[] = { self->dreams_list, self->challenges_list, self->needs_list };
  g_autofree char *today = nb_date_today_iso ();

  g_free (self->today);
  self->today = g_steal_pointer (&today);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GtkFilterListModel) model = NULL;

      model = self->timeline == NULL ? NULL
        : gtk_filter_list_model_new (g_object_ref (self->timeline),
                                     GTK_FILTER (g_object_ref (self->filters[i])));
      gtk_list_box_bind_model (lists[i], G_LIST_MODEL (model), create_group_row_cb, self, NULL);
    }

  if (self->timeline != NULL)
    {
      g_autoptr(GtkSortListModel) model = NULL;
      GtkFilterListModel *open = gtk_filter_list_model_new (g_object_ref (self->timeline),
                                                            GTK_FILTER (g_object_ref (self->filters[3])));

      model = gtk_sort_list_model_new (G_LIST_MODEL (open),
                                       GTK_SORTER (gtk_custom_sorter_new (compare_due_func, NULL, NULL)));
      gtk_list_box_bind_model (self->followups_list, G_LIST_MODEL (model), create_followup_row_cb, self, NULL);
    }
  else
    gtk_list_box_bind_model (self->followups_list, NULL, NULL, NULL, NULL);

  gtk_list_box_bind_model (self->timeline_list, self->timeline,
                           self->timeline != NULL ? create_timeline_row_cb : NULL, self, NULL);
  update_timeline_empty (self);
}

static void
refilter (NbPersonPage *self)
{
  /* The store may update entries in place; the filters must look again. */
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
timeline_mentions (NbPersonPage *self,
                   gint64        person_id)
{
  guint n = self->timeline != NULL ? g_list_model_get_n_items (self->timeline) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbEntry) entry = g_list_model_get_item (self->timeline, i);

      if (nb_entry_get_kind (entry) == NB_ENTRY_INTRODUCTION &&
          (nb_entry_get_person_id (entry) == person_id ||
           nb_entry_get_other_person_id (entry) == person_id))
        return TRUE;
    }

  return FALSE;
}

static void
on_store_person_changed_cb (NbStore      *store,
                            gint64        person_id,
                            NbChange      change,
                            NbPersonPage *self)
{
  if (self->person_id == 0)
    return;

  if (person_id == self->person_id)
    {
      reload_person (self);
      return;
    }

  /* Names of other people show here: who introduced us, introductions. */
  if (self->person != NULL && nb_person_get_introduced_by (self->person) == person_id)
    update_identity (self);
  if (timeline_mentions (self, person_id))
    bind_lists (self);
}

static void
on_store_entry_changed_cb (NbStore      *store,
                           gint64        entry_id,
                           gint64        person_id,
                           gint64        other_person_id,
                           NbChange      change,
                           NbPersonPage *self)
{
  if (self->person_id == 0 ||
      (person_id != self->person_id && other_person_id != self->person_id))
    return;

  refilter (self);
  recompute_trust (self);
}

/* Another process wrote: the card, and the timeline's groups (the
 * store has read the timeline again). */
static void
on_store_changed_outside_cb (NbPersonPage *self)
{
  if (self->person_id == 0)
    return;

  reload_person (self);
  refilter (self);
}

static void
on_card_save_failed_cb (NbPersonPage *self,
                        const char   *message)
{
  _nb_person_page_show_error (self, message);
}

static gboolean
apply_compact_cb (gpointer data)
{
  NbPersonPage *self = data;

  self->compact_source = 0;
  nb_trust_meter_set_compact (self->meter, self->compact);
  adw_avatar_set_size (self->avatar, self->compact ? 64 : 80);

  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
nb_person_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
nb_person_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size,
                        minimum, natural, minimum_baseline, natural_baseline);
}

static void
nb_person_page_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NbPersonPage *self = NB_PERSON_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean compact = width < COMPACT_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Changing sizes from inside an allocation would loop: do it after. */
  if (compact != self->compact)
    {
      self->compact = compact;
      if (self->compact_source == 0)
        self->compact_source = g_idle_add (apply_compact_cb, self);
    }
}

static void
nb_person_page_constructed (GObject *object)
{
  NbPersonPage *self = NB_PERSON_PAGE (object);

  G_OBJECT_CLASS (nb_person_page_parent_class)->constructed (object);

  g_return_if_fail (NB_IS_STORE (self->store));

  g_signal_connect_object (self->store, "person-changed",
                           G_CALLBACK (on_store_person_changed_cb), self, 0);
  g_signal_connect_object (self->store, "entry-changed",
                           G_CALLBACK (on_store_entry_changed_cb), self, 0);
  g_signal_connect_object (self->store, "changed-outside",
                           G_CALLBACK (on_store_changed_outside_cb), self, G_CONNECT_SWAPPED);
  nb_person_card_set_store (self->card, self->store);
}

static void
nb_person_page_dispose (GObject *object)
{
  NbPersonPage *self = NB_PERSON_PAGE (object);

  self->disposing = TRUE;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->fades != NULL)
    _nb_person_page_finish_fades (self);
  g_clear_handle_id (&self->compact_source, g_source_remove);

  /* The bin unparents its child itself: let it, before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_PERSON_PAGE);

  g_clear_object (&self->timeline);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    g_clear_object (&self->filters[i]);
  g_clear_pointer (&self->fades, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_person_page_parent_class)->dispose (object);
}

static void
nb_person_page_finalize (GObject *object)
{
  NbPersonPage *self = NB_PERSON_PAGE (object);

  g_free (self->today);

  G_OBJECT_CLASS (nb_person_page_parent_class)->finalize (object);
}

static void
nb_person_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbPersonPage *self = NB_PERSON_PAGE (object);

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
nb_person_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbPersonPage *self = NB_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      nb_person_page_set_person_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_person_page_class_init (NbPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_person_page_constructed;
  object_class->dispose = nb_person_page_dispose;
  object_class->finalize = nb_person_page_finalize;
  object_class->get_property = nb_person_page_get_property;
  object_class->set_property = nb_person_page_set_property;

  widget_class->get_request_mode = nb_person_page_get_request_mode;
  widget_class->measure = nb_person_page_measure;
  widget_class->size_allocate = nb_person_page_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PERSON] =
    g_signal_new ("open-person",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The toast is owned by the emitter: a handler that keeps it (for an
   * overlay) takes its own reference. */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  _nb_person_page_install_actions (widget_class);

  g_type_ensure (NB_TYPE_COMPOSER);
  g_type_ensure (NB_TYPE_PERSON_CARD);
  g_type_ensure (NB_TYPE_TRUST_METER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, avatar);
  /* Only for gtk_widget_get_template_child(): see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "none_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, met_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, introduced_box);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, introduced_button);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, introduced_label);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, meter);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, dreams_list);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, needs_list);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, followups_list);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, add_entry_button);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, composer_revealer);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, composer);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, timeline_empty);
  gtk_widget_class_bind_template_child (widget_class, NbPersonPage, card);
  gtk_widget_class_bind_template_callback (widget_class, on_card_save_failed_cb);
}

static void
nb_person_page_init (NbPersonPage *self)
{
  static const char * const placeholders[] = {
    N_("No open dreams. Ask what they hope to achieve."),
    N_("No open challenges. Ask what stands in their way in the next 6–12 months."),
    N_("No open needs. Ask what would help them right now."),
    N_("Nothing promised and nothing due."),
  };
  GtkListBox *lists[G_N_ELEMENTS (placeholders)];

  ensure_css ();
  /* No GtkBinLayout: the page allocates its child itself, to notice
   * when it gets narrow (libadwaita 1.2 has no breakpoints). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), NB_TYPE_PERSON_PAGE, "none_page")));

  lists[0] = self->dreams_list;
  lists[1] = self->challenges_list;
  lists[2] = self->needs_list;
  lists[3] = self->followups_list;

  self->fades = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    {
      self->filters[i] = gtk_custom_filter_new (group_filter_func, GINT_TO_POINTER (group_kinds[i]), NULL);
      gtk_list_box_set_placeholder (lists[i], new_group_placeholder (_(placeholders[i])));
    }

  _nb_person_page_setup_add_entry_menu (self);
  _nb_person_page_close_composer (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.compose", FALSE);
  update_timeline_empty (self);
}

GtkWidget *
nb_person_page_new (NbStore *store)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_PERSON_PAGE,
                       "store", store,
                       NULL);
}

NbStore *
nb_person_page_get_store (NbPersonPage *self)
{
  g_return_val_if_fail (NB_IS_PERSON_PAGE (self), NULL);

  return self->store;
}

void
nb_person_page_set_person_id (NbPersonPage *self,
                              gint64        person_id)
{
  g_return_if_fail (NB_IS_PERSON_PAGE (self));
  g_return_if_fail (person_id >= 0);

  if (person_id == self->person_id)
    return;

  nb_person_card_flush (self->card);
  _nb_person_page_finish_fades (self);
  _nb_person_page_close_composer (self);
  nb_composer_start (self->composer, NB_ENTRY_CONVERSATION);

  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, on_timeline_items_changed_cb, self);
  g_clear_object (&self->timeline);
  g_clear_object (&self->person);
  self->person_id = person_id;

  if (person_id != 0 && self->store != NULL)
    {
      g_autoptr(GListModel) people = nb_store_get_people_model (self->store);

      self->timeline = nb_store_get_timeline_model (self->store, person_id);
      g_signal_connect_object (self->timeline, "items-changed",
                               G_CALLBACK (on_timeline_items_changed_cb), self, G_CONNECT_SWAPPED);
      nb_composer_set_people (self->composer, people, person_id);
    }

  bind_lists (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.compose", person_id != 0);

  if (person_id != 0)
    {
      reload_person (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  else
    {
      nb_person_card_set_person (self->card, NULL);
      nb_trust_meter_set_trust (self->meter, NULL);
      gtk_stack_set_visible_child_name (self->stack, "none");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
nb_person_page_get_person_id (NbPersonPage *self)
{
  g_return_val_if_fail (NB_IS_PERSON_PAGE (self), 0);

  return self->person_id;
}

void
nb_person_page_compose (NbPersonPage *self,
                        NbEntryKind   kind)
{
  g_return_if_fail (NB_IS_PERSON_PAGE (self));
  g_return_if_fail ((guint) kind < NB_N_ENTRY_KINDS);

  if (self->person_id == 0)
    return;

  /* Switching kind keeps what was typed; an edit in progress does not
   * turn into a new entry. */
  if (!gtk_revealer_get_reveal_child (self->composer_revealer) ||
      nb_composer_get_editing_id (self->composer) != 0)
    nb_composer_start (self->composer, kind);
  else
    nb_composer_set_kind (self->composer, kind);

  _nb_person_page_open_composer (self);
}
