/* nb-trust.h: the know-like-trust indicator, computed from facts.
 *
 * Pure: it reads a person and their timeline and never touches the
 * database, so every signal is unit-testable. The model is documented in
 * docs/trust-model.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nb-entry.h"
#include "nb-person.h"
#include "nb-types.h"

G_BEGIN_DECLS

typedef enum {
  NB_DIMENSION_KNOW,
  NB_DIMENSION_LIKE,
  NB_DIMENSION_TRUST,
} NbDimension;

#define NB_N_DIMENSIONS (NB_DIMENSION_TRUST + 1)

/* The interview checklist (DOMAIN.md, seed 004 No. 2). */
typedef enum {
  NB_QUESTION_TARGET_MARKET,
  NB_QUESTION_WORK_LIKES,
  NB_QUESTION_INDUSTRY_NEWS,
  NB_QUESTION_CHALLENGES,
  NB_QUESTION_CAREER_ORIGIN,
  NB_QUESTION_DREAMS,
} NbQuestion;

#define NB_N_QUESTIONS (NB_QUESTION_DREAMS + 1)

/* Translated question to ask: "Who is your ideal client?" */
const char *nb_question_get_text (NbQuestion question);
/* "target-market", "work-likes", … (stable, for the CLI) */
const char *nb_question_to_string (NbQuestion question);

/* One fact that moved a score: "+15 knows their target market",
 * "-20 no contact for 95 days (cadence 30)". */
typedef struct {
  NbDimension  dimension;
  int          points;       /* may be negative */
  char        *description;  /* translated, without the points */
} NbSignal;

#define NB_TYPE_SIGNAL (nb_signal_get_type ())
GType     nb_signal_get_type (void) G_GNUC_CONST;
NbSignal *nb_signal_copy     (const NbSignal *signal);
void      nb_signal_free     (NbSignal       *signal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbSignal, nb_signal_free)

#define NB_TYPE_TRUST (nb_trust_get_type ())
G_DECLARE_FINAL_TYPE (NbTrust, nb_trust, NB, TRUST, GObject)

/* @entries: the person's whole timeline (NbEntry*), any order, including
 * introductions where the person is the other side. @today_iso: the day
 * to compute for (decay of trust when contact lapses). */
NbTrust      *nb_trust_compute          (NbPerson    *person,
                                         GPtrArray   *entries,
                                         const char  *today_iso);

/* 0..100 each. */
guint         nb_trust_get_score        (NbTrust     *self,
                                         NbDimension  dimension);
NbStage       nb_trust_get_stage        (NbTrust     *self);
/* FALSE while trust is low: the UI shows "listen, don't pitch yet". */
gboolean      nb_trust_get_pitch_ok     (NbTrust     *self);
/* NbSignal*, in the order they were found; never NULL. */
GPtrArray    *nb_trust_get_signals      (NbTrust     *self,
                                         NbDimension  dimension);
/* Interview questions we have no answer to yet, in checklist order. */
gboolean      nb_trust_is_question_answered (NbTrust    *self,
                                             NbQuestion  question);
/* Ordered next steps, most useful first, translated; never NULL. */
const char * const *nb_trust_get_next_steps (NbTrust *self);
/* Lets the store add steps that need the whole network ("introduce
 * them to X"), at @position (-1 = end). */
void          nb_trust_insert_next_step (NbTrust     *self,
                                         int          position,
                                         const char  *step);
/* Days since the last contact, -1 if never. */
int           nb_trust_get_days_since_contact (NbTrust *self);
/* TRUE when the cadence is set and contact lapsed past it. */
gboolean      nb_trust_get_going_cold   (NbTrust     *self);

G_END_DECLS
