/* nb-agenda-page.c: the home page when nobody is selected.
 *
 * Each list is an NbAgendaSection (nb-agenda-page-section.c): it keeps
 * everything the store listed but builds rows for the first few only, and
 * a "Show More" row for the rest, so a notebook with thousands of people
 * going cold opens as fast as a small one. Titles and the summary count
 * everything. Text from the database only ever reaches plain labels
 * (rows have use-markup off), so a name like "<b>Bob</b> & Sons" shows as
 * typed, and only its start (nb_text_preview()), so a 10 MB note does
 * not have to be laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-agenda-page.h"
#include "nb-gui-util.h"
#include "nb-agenda-page-private.h"
#include "nb-agenda-page-section.h"
#include "nb-date.h"

/* Follow-ups due from today to this many days ahead are "this week". */
#define DUE_SOON_DAYS 7
/* How far back "met recently" looks. */
#define RECENT_DAYS 14
/* The day-change check sleeps at most this long: the monotonic clock
 * stands still during suspend, so a single timeout to midnight could
 * wake up hours late. */
#define DAY_CHECK_MAX_SECONDS 3600

typedef enum
{
  SECTION_OVERDUE,
  SECTION_DUE,
  SECTION_MEETINGS,
  SECTION_COLD,
  SECTION_RECENT,
  N_SECTIONS
} Section;

struct _NbAgendaPage
{
  AdwBin         parent_instance;

  NbStore       *store;
  char          *today;           /* the day the page shows (YYYY-MM-DD) */
  guint          n_overdue;
  guint          refresh_id;      /* pending idle refresh */
  guint          day_check_id;
  /* nb_agenda_page_new_first_screen(): the first refresh reads the
   * follow-ups only; nb_agenda_page_complete() reads the rest. */
  gboolean       first_screen_only;
  gboolean       rest_pending;

  /* Overdue, due and meetings hold NbEntry; cold and recent NbPerson. */
  NbAgendaSection sections[N_SECTIONS];
  /* person id → NbPerson, so rows of one refresh load each person once */
  GHashTable    *people;

  /* Template widgets */
  GtkStack             *stack;            /* AdwBin's child: looked up, not bound */
  GtkLabel             *date_label;
  GtkLabel             *summary_label;
  GtkLabel             *caught_up_goodwill;
  GtkWidget            *overdue_section;
  GtkListBox           *overdue_list;
  GtkLabel             *overdue_count;
  AdwPreferencesGroup  *due_group;
  GtkListBox           *due_list;
  GtkLabel             *due_count;
  AdwPreferencesGroup  *meetings_group;
  GtkListBox           *meetings_list;
  GtkLabel             *meetings_count;
  AdwPreferencesGroup  *cold_group;
  GtkListBox           *cold_list;
  GtkLabel             *cold_count;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkLabel             *recent_count;
  AdwPreferencesGroup  *goodwill_group;
  GtkLabel             *given_label;
  GtkLabel             *received_label;
  GtkLabel             *goodwill_line;
};

/* What the toast's Undo needs: it may outlive the page. */
typedef struct
{
  NbStore *store;
  gint64   entry_id;
} UndoDone;

static gboolean on_refresh_idle_cb (gpointer data);
static gboolean on_day_check_cb    (gpointer data);

G_DEFINE_FINAL_TYPE (NbAgendaPage, nb_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FIRST_SCREEN_ONLY,
  PROP_N_OVERDUE,
  N_PROPS
};

enum {
  OPEN_PERSON,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Helpers ----------------------------------------------------------- */

static void
undo_done_free (gpointer  data,
                GClosure *closure)
{
  UndoDone *undo = data;

  g_clear_object (&undo->store);
  g_free (undo);
}

/* Borrowed, the card only (rows show names); NULL if the person cannot
 * be loaded. */
static NbPerson *
nb_agenda_page_lookup_person (NbAgendaPage *self,
                              gint64        person_id)
{
  g_autoptr(GError) error = NULL;
  NbPerson *person;

  person = g_hash_table_lookup (self->people, &person_id);
  if (person != NULL)
    return person;

  person = nb_store_get_person_card (self->store, person_id, &error);
  if (person == NULL)
    {
      g_debug ("Agenda: person %" G_GINT64_FORMAT " not loaded: %s",
               person_id, error->message);
      return NULL;
    }

  g_hash_table_insert (self->people, g_memdup2 (&person_id, sizeof person_id), person);
  return person;
}

static const char *
nb_agenda_page_get_person_name (NbAgendaPage *self,
                                gint64        person_id)
{
  NbPerson *person = nb_agenda_page_lookup_person (self, person_id);

  return person != NULL ? nb_person_get_display_name (person) : _("Someone");
}

static char *
nb_agenda_page_dup_met_phrase (NbAgendaPage *self,
                               NbPerson     *person)
{
  return _nb_agenda_dup_met_phrase (nb_person_get_field (person, NB_PERSON_MET_DATE),
                                    nb_person_get_created (person),
                                    self->today);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chevron;

  /* Titles and subtitles come from the database: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (chevron),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron);

  return row;
}

static GtkWidget *
new_avatar (const char *name)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);

  /* Initials from the letters of the name, as in the people list. */
  nb_avatar_set_person (ADW_AVATAR (avatar), person);

  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (avatar),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  return avatar;
}

/* A text from the database as one line of a list: its start only. */
static char *
dup_preview (const char *text)
{
  return nb_text_preview (text, NB_PREVIEW_SHORT_CHARS, NB_PREVIEW_SHORT_LINES);
}

static guint
nb_agenda_page_get_n_items (NbAgendaPage *self,
                            Section       section)
{
  return _nb_agenda_section_get_n_items (&self->sections[section]);
}

/* Shows the section, with how many items it has, if it has any. */
static void
nb_agenda_page_update_section (NbAgendaPage *self,
                               Section       section,
                               GtkWidget    *group,
                               GtkLabel     *count_label)
{
  guint n = nb_agenda_page_get_n_items (self, section);
  g_autofree char *count = _nb_agenda_dup_count (n);

  gtk_label_set_text (count_label, count);
  gtk_widget_set_visible (group, n > 0);
}

/* The page shows what it can; the log says what it could not. */
static void
warn_not_loaded (const char   *what,
                 const GError *error)
{
  g_warning ("Agenda: could not load %s: %s", what, error->message);
}

static void
nb_agenda_page_set_n_overdue (NbAgendaPage *self,
                              guint         n_overdue)
{
  if (self->n_overdue == n_overdue)
    return;

  self->n_overdue = n_overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
}

static void
nb_agenda_page_refresh_followups (NbAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  GPtrArray *overdue = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *last_due = _nb_agenda_dup_day (self->today, DUE_SOON_DAYS);

  /* Overdue and the coming week: a range of the open follow-ups' index,
   * not every one open (a third more at 10,000 people, each a row of
   * the entries table). */
  followups = nb_store_list_followups_due_by (self->store, last_due, &error);
  if (followups == NULL)
    warn_not_loaded ("follow-ups", error);

  for (guint i = 0; followups != NULL && i < followups->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (followups, i);
      const char *due_date = nb_entry_get_due (entry);

      /* The store refuses follow-ups without a due date; be safe anyway. */
      if (!nb_date_is_valid_iso (due_date))
        continue;

      if (nb_entry_is_overdue (entry, self->today))
        g_ptr_array_add (overdue, g_object_ref (entry));
      else if (nb_date_days_between (self->today, due_date) <= DUE_SOON_DAYS)
        g_ptr_array_add (due, g_object_ref (entry));
    }

  _nb_agenda_section_set_items (&self->sections[SECTION_OVERDUE], overdue);
  _nb_agenda_section_set_items (&self->sections[SECTION_DUE], due);
}

static void
nb_agenda_page_refresh_goodwill (NbAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *given_text = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *line = NULL;
  guint given = 0, received = 0;

  if (!nb_store_get_goodwill (self->store, &given, &received, &error))
    warn_not_loaded ("the goodwill balance", error);

  given_text = g_strdup_printf ("%u", given);
  received_text = g_strdup_printf ("%u", received);
  line = _nb_agenda_dup_goodwill_line (given, received);

  gtk_label_set_text (self->given_label, given_text);
  gtk_label_set_text (self->received_label, received_text);
  gtk_label_set_text (self->goodwill_line, line);
  gtk_label_set_text (self->caught_up_goodwill, line);
  gtk_widget_set_visible (GTK_WIDGET (self->goodwill_group), given + received > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->caught_up_goodwill), given + received > 0);
}

static NbAgendaSection *
nb_agenda_page_get_section_for_list (NbAgendaPage *self,
                                     GtkListBox   *list)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (self->sections[i].list == list)
        return &self->sections[i];
    }

  g_return_val_if_reached (NULL);
}

static void
nb_agenda_page_emit_toast (NbAgendaPage *self,
                           AdwToast     *toast)
{
  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void
nb_agenda_page_queue_refresh (NbAgendaPage *self)
{
  /* A capture or an import changes many things at once: one refresh,
   * once the change is done. Default priority: before the next frame is
   * laid out, and not starved by animations. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_refresh_idle_cb, self, NULL);
}

static void
nb_agenda_page_schedule_day_check (NbAgendaPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = NULL;
  GTimeSpan until;
  guint seconds;

  midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                    g_date_time_get_month (tomorrow),
                                    g_date_time_get_day_of_month (tomorrow),
                                    0, 0, 0);
  until = g_date_time_difference (midnight, now);
  /* One second past midnight, so the new day has surely begun. */
  seconds = (guint) CLAMP (until / G_USEC_PER_SEC + 1, 1, DAY_CHECK_MAX_SECONDS);

  g_clear_handle_id (&self->day_check_id, g_source_remove);
  self->day_check_id = g_timeout_add_seconds (seconds, on_day_check_cb, self);
}

/* ---- Callbacks --------------------------------------------------------- */

static void
on_undo_clicked_cb (AdwToast *toast,
                    UndoDone *undo)
{
  g_autoptr(GError) error = NULL;

  if (!nb_store_set_entry_status (undo->store, undo->entry_id, NB_STATUS_OPEN, &error))
    g_warning ("Could not reopen follow-up %" G_GINT64_FORMAT ": %s",
               undo->entry_id, error->message);
}

static void
on_done_toggled_cb (NbAgendaPage   *self,
                    GtkCheckButton *check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  NbEntry *entry;
  UndoDone *undo;

  if (!gtk_check_button_get_active (check))
    return;

  entry = g_object_get_data (G_OBJECT (check), "nb-entry");
  g_assert (NB_IS_ENTRY (entry));

  if (!nb_store_set_entry_status (self->store, nb_entry_get_id (entry), NB_STATUS_DONE, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *title = NULL;

      /* Toast titles are markup; the message may quote user text. */
      title = g_strdup_printf (_("Could not mark the follow-up as done: %s"), escaped);
      toast = adw_toast_new (title);
      gtk_check_button_set_active (check, FALSE);
      nb_agenda_page_emit_toast (self, toast);
      return;
    }

  toast = adw_toast_new (_("Follow-up done"));
  adw_toast_set_button_label (toast, _("_Undo"));

  undo = g_new0 (UndoDone, 1);
  undo->store = g_object_ref (self->store);
  undo->entry_id = nb_entry_get_id (entry);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_undo_clicked_cb),
                         undo, undo_done_free, 0);

  /* The row goes away with the refresh the store's signal triggers. */
  nb_agenda_page_emit_toast (self, toast);
}

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     NbAgendaPage  *self)
{
  NbAgendaSection *section = nb_agenda_page_get_section_for_list (self, list);
  gpointer item;
  gint64 person_id;

  g_return_if_fail (section != NULL);

  item = _nb_agenda_section_get_item (section, row);
  if (item == NULL)
    {
      _nb_agenda_section_show_more (section);
      return;
    }

  if (NB_IS_ENTRY (item))
    person_id = nb_entry_get_person_id (NB_ENTRY (item));
  else
    person_id = nb_person_get_id (NB_PERSON (item));

  g_signal_emit (self, signals[OPEN_PERSON], 0, person_id);
}

static gboolean
on_refresh_idle_cb (gpointer data)
{
  NbAgendaPage *self = data;

  self->refresh_id = 0;
  nb_agenda_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_person_changed_cb (NbAgendaPage *self,
                            gint64        person_id,
                            NbChange      change,
                            NbStore      *store)
{
  nb_agenda_page_queue_refresh (self);
}

static void
on_store_entry_changed_cb (NbAgendaPage *self,
                           gint64        entry_id,
                           gint64        person_id,
                           gint64        other_person_id,
                           NbChange      change,
                           NbStore      *store)
{
  nb_agenda_page_queue_refresh (self);
}

static gboolean
on_day_check_cb (gpointer data)
{
  NbAgendaPage *self = data;
  g_autofree char *today = nb_date_today_iso ();

  self->day_check_id = 0;
  if (g_strcmp0 (today, self->today) != 0)
    nb_agenda_page_refresh (self);
  nb_agenda_page_schedule_day_check (self);

  return G_SOURCE_REMOVE;
}

/* ---- Row factories ----------------------------------------------------- */

static GtkWidget *
create_followup_row_cb (gpointer item,
                        gpointer user_data)
{
  NbAgendaPage *self = user_data;
  NbEntry *entry = item;
  g_autofree char *text = dup_preview (nb_entry_get_text (entry));
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *check;

  name = dup_preview (nb_agenda_page_get_person_name (self, nb_entry_get_person_id (entry)));
  when = _nb_agenda_dup_due_phrase (nb_date_days_between (self->today, nb_entry_get_due (entry)));
  subtitle = _nb_agenda_join_facts (name, when);
  row = new_row (*text != '\0' ? text : _("Follow-up"), subtitle);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (check, "selection-mode");
  gtk_widget_set_tooltip_text (check, _("Mark as Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as done"),
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "nb-entry",
                          g_object_ref (entry), g_object_unref);
  g_signal_connect_object (check, "toggled",
                           G_CALLBACK (on_done_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  return row;
}

static GtkWidget *
create_meeting_row_cb (gpointer item,
                       gpointer user_data)
{
  NbAgendaPage *self = user_data;
  NbEntry *entry = item;
  g_autofree char *text = dup_preview (nb_entry_get_text (entry));
  g_autofree char *name = dup_preview (nb_agenda_page_get_person_name (self, nb_entry_get_person_id (entry)));
  g_autofree char *date = nb_date_format_long (nb_entry_get_date (entry));
  g_autofree char *relative = nb_date_format_relative (nb_entry_get_date (entry), self->today);
  g_autofree char *when = _nb_agenda_join_facts (date, relative);
  g_autofree char *subtitle = _nb_agenda_join_facts (name, when);
  GtkWidget *row;

  row = new_row (*text != '\0' ? text : nb_entry_kind_get_label (NB_ENTRY_MEETING), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_avatar (name));

  return row;
}

static GtkWidget *
create_cold_row_cb (gpointer item,
                    gpointer user_data)
{
  NbAgendaPage *self = user_data;
  NbPerson *person = item;
  g_autofree char *name = dup_preview (nb_person_get_display_name (person));
  g_autofree char *last = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Never contacted: the store starts the clock when we met. */
  if (nb_date_is_valid_iso (nb_person_get_last_contact (person)))
    last = _nb_agenda_dup_last_contact_phrase (nb_person_get_last_contact (person), self->today);
  else
    last = nb_agenda_page_dup_met_phrase (self, person);
  cadence = _nb_agenda_dup_cadence_phrase (nb_person_get_cadence_days (person));
  subtitle = _nb_agenda_join_facts (last, cadence);

  row = new_row (name, subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_avatar (name));

  return row;
}

static GtkWidget *
create_recent_row_cb (gpointer item,
                      gpointer user_data)
{
  NbAgendaPage *self = user_data;
  NbPerson *person = item;
  g_autofree char *name = dup_preview (nb_person_get_display_name (person));
  g_autofree char *met = nb_agenda_page_dup_met_phrase (self, person);
  g_autofree char *where = dup_preview (nb_person_get_field (person, NB_PERSON_MET_WHERE));
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = _nb_agenda_join_facts (met, where);
  row = new_row (name, subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_avatar (name));

  return row;
}

/* ---- GObject ----------------------------------------------------------- */

static void
nb_agenda_page_constructed (GObject *object)
{
  NbAgendaPage *self = NB_AGENDA_PAGE (object);

  G_OBJECT_CLASS (nb_agenda_page_parent_class)->constructed (object);

  g_assert (NB_IS_STORE (self->store));

  g_signal_connect_object (self->store, "person-changed",
                           G_CALLBACK (on_store_person_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "entry-changed",
                           G_CALLBACK (on_store_entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed-outside",
                           G_CALLBACK (nb_agenda_page_queue_refresh), self,
                           G_CONNECT_SWAPPED);

  nb_agenda_page_refresh (self);
  nb_agenda_page_schedule_day_check (self);
}

static void
nb_agenda_page_dispose (GObject *object)
{
  NbAgendaPage *self = NB_AGENDA_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->day_check_id, g_source_remove);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  /* While the list boxes are still there to be unbound. */
  for (guint i = 0; i < N_SECTIONS; i++)
    _nb_agenda_section_clear (&self->sections[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_AGENDA_PAGE);
  self->stack = NULL;

  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_agenda_page_parent_class)->dispose (object);
}

static void
nb_agenda_page_finalize (GObject *object)
{
  NbAgendaPage *self = NB_AGENDA_PAGE (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (nb_agenda_page_parent_class)->finalize (object);
}

static void
nb_agenda_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbAgendaPage *self = NB_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_agenda_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbAgendaPage *self = NB_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FIRST_SCREEN_ONLY:
      self->first_screen_only = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_agenda_page_class_init (NbAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_agenda_page_constructed;
  object_class->dispose = nb_agenda_page_dispose;
  object_class->finalize = nb_agenda_page_finalize;
  object_class->get_property = nb_agenda_page_get_property;
  object_class->set_property = nb_agenda_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRST_SCREEN_ONLY] =
    g_param_spec_boolean ("first-screen-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* For the sidebar's "2 follow-ups overdue". */
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user wants to see this person's page. */
  signals[OPEN_PERSON] =
    g_signal_new ("open-person",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A toast for the window's overlay (the handler takes its own
   * reference: adw_toast_overlay_add_toast (overlay, g_object_ref (toast))). */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, date_label);
  /* Only for gtk_widget_get_template_child(): see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "caught_up_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, caught_up_goodwill);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, overdue_section);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, due_group);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, due_list);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, due_count);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, meetings_count);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, cold_group);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, cold_list);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, cold_count);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, recent_count);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, goodwill_group);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, given_label);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, NbAgendaPage, goodwill_line);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
nb_agenda_page_init (NbAgendaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_status_page_defer_icon (ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), NB_TYPE_AGENDA_PAGE, "caught_up_page")));

  /* gtk_widget_dispose_template() unparents the direct children it
   * binds, behind AdwBin's back. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->today = nb_date_today_iso ();
  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  _nb_agenda_section_init (&self->sections[SECTION_OVERDUE], self->overdue_list,
                           create_followup_row_cb, self);
  _nb_agenda_section_init (&self->sections[SECTION_DUE], self->due_list,
                           create_followup_row_cb, self);
  _nb_agenda_section_init (&self->sections[SECTION_MEETINGS], self->meetings_list,
                           create_meeting_row_cb, self);
  _nb_agenda_section_init (&self->sections[SECTION_COLD], self->cold_list,
                           create_cold_row_cb, self);
  _nb_agenda_section_init (&self->sections[SECTION_RECENT], self->recent_list,
                           create_recent_row_cb, self);
}

/* ---- Public API -------------------------------------------------------- */

GtkWidget *
nb_agenda_page_new (NbStore *store)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_AGENDA_PAGE,
                       "store", store,
                       NULL);
}

GtkWidget *
nb_agenda_page_new_first_screen (NbStore *store)
{
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_AGENDA_PAGE,
                       "store", store,
                       "first-screen-only", TRUE,
                       NULL);
}

/* Meetings, people going cold or met recently, goodwill: everything
 * below the follow-ups. */
static void
nb_agenda_page_refresh_rest (NbAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *meetings, *cold, *recent;
  g_autofree char *yesterday = NULL;

  /* The store lists meetings after the day it is given; today's 1-to-1
   * is the one that matters most, so ask from yesterday on. */
  yesterday = _nb_agenda_dup_day (self->today, -1);
  meetings = nb_store_list_upcoming_meetings (self->store, yesterday, &error);
  if (meetings == NULL)
    warn_not_loaded ("meetings", error);
  _nb_agenda_section_set_items (&self->sections[SECTION_MEETINGS], meetings);
  g_clear_error (&error);

  cold = nb_store_list_going_cold (self->store, self->today, &error);
  if (cold == NULL)
    warn_not_loaded ("people going cold", error);
  _nb_agenda_section_set_items (&self->sections[SECTION_COLD], cold);
  g_clear_error (&error);

  recent = nb_store_list_recent_without_followup (self->store, self->today, RECENT_DAYS, &error);
  if (recent == NULL)
    warn_not_loaded ("people met recently", error);
  _nb_agenda_section_set_items (&self->sections[SECTION_RECENT], recent);
  g_clear_error (&error);

  nb_agenda_page_refresh_goodwill (self);

  nb_agenda_page_update_section (self, SECTION_MEETINGS, GTK_WIDGET (self->meetings_group),
                                 self->meetings_count);
  nb_agenda_page_update_section (self, SECTION_COLD, GTK_WIDGET (self->cold_group), self->cold_count);
  nb_agenda_page_update_section (self, SECTION_RECENT, GTK_WIDGET (self->recent_group),
                                 self->recent_count);
}

void
nb_agenda_page_complete (NbAgendaPage *self)
{
  g_return_if_fail (NB_IS_AGENDA_PAGE (self));

  if (!self->rest_pending)
    return;

  self->rest_pending = FALSE;
  nb_agenda_page_refresh_rest (self);
}

void
nb_agenda_page_refresh (NbAgendaPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  gboolean caught_up;

  g_return_if_fail (NB_IS_AGENDA_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  g_free (self->today);
  self->today = nb_date_today_iso ();
  g_hash_table_remove_all (self->people);

  nb_agenda_page_refresh_followups (self);

  /* On a first screen with follow-ups, they are all it shows (and they
   * decide that there is an agenda): what is below them comes once the
   * window is painted, from nb_agenda_page_complete(). */
  self->rest_pending = self->first_screen_only &&
                       nb_agenda_page_get_n_items (self, SECTION_OVERDUE) +
                       nb_agenda_page_get_n_items (self, SECTION_DUE) > 0;
  self->first_screen_only = FALSE;
  if (!self->rest_pending)
    nb_agenda_page_refresh_rest (self);

  nb_agenda_page_update_section (self, SECTION_OVERDUE, self->overdue_section, self->overdue_count);
  nb_agenda_page_update_section (self, SECTION_DUE, GTK_WIDGET (self->due_group), self->due_count);

  heading = _nb_agenda_dup_date_heading (self->today);
  gtk_label_set_text (self->date_label, heading);
  /* Every follow-up counts, shown or not. */
  summary = _nb_agenda_dup_summary (nb_agenda_page_get_n_items (self, SECTION_OVERDUE),
                                    nb_agenda_page_get_n_items (self, SECTION_DUE));
  gtk_label_set_text (self->summary_label, summary);

  /* Goodwill alone is no agenda: it goes under the status instead. */
  caught_up = TRUE;
  for (guint i = 0; i < N_SECTIONS; i++)
    caught_up = caught_up && nb_agenda_page_get_n_items (self, i) == 0;
  gtk_stack_set_visible_child_name (self->stack, caught_up ? "caught-up" : "agenda");

  nb_agenda_page_set_n_overdue (self, nb_agenda_page_get_n_items (self, SECTION_OVERDUE));
}

guint
nb_agenda_page_get_n_overdue (NbAgendaPage *self)
{
  g_return_val_if_fail (NB_IS_AGENDA_PAGE (self), 0);

  return self->n_overdue;
}
