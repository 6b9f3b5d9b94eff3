/* cb-entity.h: one record of a project (course, module, skill, …)
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-types.h"
#include "cb-schema.h"

G_BEGIN_DECLS

#define CB_TYPE_ENTITY (cb_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (CbEntity, cb_entity, CB, ENTITY, GObject)

struct _CbEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const CbKindDef *kind_def;
  GParamSpec **field_pspecs;
};

CbEntity          *cb_entity_new               (CbKind       kind);
CbEntity          *cb_entity_new_with_id       (CbKind       kind);
CbKind             cb_entity_get_kind          (CbEntity    *self);
const CbKindDef   *cb_entity_get_kind_def      (CbEntity    *self);
const char        *cb_entity_get_id            (CbEntity    *self);
gboolean           cb_entity_set_id            (CbEntity    *self,
                                                const char  *id);
const char        *cb_entity_get_display_name  (CbEntity    *self);

CbProject         *cb_entity_get_project       (CbEntity    *self);
CbEntity          *cb_entity_get_parent        (CbEntity    *self);
const char        *cb_entity_get_parent_field  (CbEntity    *self);
CbEntity          *cb_entity_get_ancestor      (CbEntity    *self,
                                                CbKind       kind);
int                cb_entity_get_position      (CbEntity    *self);
char              *cb_entity_dup_path          (CbEntity    *self);

gboolean           cb_entity_has_field         (CbEntity    *self,
                                                const char  *field);
const char        *cb_entity_get_string        (CbEntity    *self,
                                                const char  *field);
gint64             cb_entity_get_int           (CbEntity    *self,
                                                const char  *field);
double             cb_entity_get_number        (CbEntity    *self,
                                                const char  *field);
const char * const*cb_entity_get_strv          (CbEntity    *self,
                                                const char  *field);
CbEntity          *cb_entity_get_object        (CbEntity    *self,
                                                const char  *field);
GListModel        *cb_entity_get_children      (CbEntity    *self,
                                                const char  *field);
guint              cb_entity_get_n_children    (CbEntity    *self,
                                                const char  *field);
CbEntity          *cb_entity_get_child         (CbEntity    *self,
                                                const char  *field,
                                                guint        position);

/* Edits. When the record belongs to a project, each is recorded on the
 * project's undo stack, marks it dirty and emits CbProject::changed. */
void               cb_entity_set_string        (CbEntity    *self,
                                                const char  *field,
                                                const char  *value);
void               cb_entity_set_int           (CbEntity    *self,
                                                const char  *field,
                                                gint64       value);
void               cb_entity_set_number        (CbEntity    *self,
                                                const char  *field,
                                                double       value);
void               cb_entity_set_strv          (CbEntity    *self,
                                                const char  *field,
                                                const char * const *value);
void               cb_entity_unset             (CbEntity    *self,
                                                const char  *field);
CbEntity          *cb_entity_ensure_object     (CbEntity    *self,
                                                const char  *field);
void               cb_entity_insert_child      (CbEntity    *self,
                                                const char  *field,
                                                guint        position,
                                                CbEntity    *child);
void               cb_entity_append_child      (CbEntity    *self,
                                                const char  *field,
                                                CbEntity    *child);
void               cb_entity_remove_child      (CbEntity    *self,
                                                const char  *field,
                                                guint        position);
void               cb_entity_move_child        (CbEntity    *self,
                                                const char  *field,
                                                guint        from,
                                                guint        to);
void               cb_entity_remove            (CbEntity    *self);
CbEntity          *cb_entity_duplicate         (CbEntity    *self);

/* Members of this record that the format does not know (or that had the
 * wrong type), kept in place for the next save. */
guint              cb_entity_get_n_unknown     (CbEntity    *self);
const char        *cb_entity_get_unknown_name  (CbEntity    *self,
                                                guint        index);
char              *cb_entity_dup_unknown_json  (CbEntity    *self,
                                                const char  *name);

/* The per-kind classes, so that views can bind to named properties. */
#define CB_DECLARE_ENTITY_TYPE(TypeName, type_name, TYPE_NAME)                      \
  GType type_name##_get_type (void);                                               \
  typedef struct _##TypeName TypeName;                                             \
  typedef struct { CbEntityClass parent_class; } TypeName##Class;                  \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, g_object_unref)                         \
  G_GNUC_UNUSED static inline gboolean CB_IS_##TYPE_NAME (gpointer ptr) {          \
    return G_TYPE_CHECK_INSTANCE_TYPE (ptr, type_name##_get_type ()); }

CB_DECLARE_ENTITY_TYPE (CbInstitution, cb_institution, INSTITUTION)
CB_DECLARE_ENTITY_TYPE (CbProgram, cb_program, PROGRAM)
CB_DECLARE_ENTITY_TYPE (CbPerson, cb_person, PERSON)
CB_DECLARE_ENTITY_TYPE (CbPartner, cb_partner, PARTNER)
CB_DECLARE_ENTITY_TYPE (CbAgreement, cb_agreement, AGREEMENT)
CB_DECLARE_ENTITY_TYPE (CbResponsibility, cb_responsibility, RESPONSIBILITY)
CB_DECLARE_ENTITY_TYPE (CbSkill, cb_skill, SKILL)
CB_DECLARE_ENTITY_TYPE (CbSkillSource, cb_skill_source, SKILL_SOURCE)
CB_DECLARE_ENTITY_TYPE (CbOutcome, cb_outcome, OUTCOME)
CB_DECLARE_ENTITY_TYPE (CbIndicator, cb_indicator, INDICATOR)
CB_DECLARE_ENTITY_TYPE (CbCourse, cb_course, COURSE)
CB_DECLARE_ENTITY_TYPE (CbHours, cb_hours, HOURS)
CB_DECLARE_ENTITY_TYPE (CbTeamMember, cb_team_member, TEAM_MEMBER)
CB_DECLARE_ENTITY_TYPE (CbTextbook, cb_textbook, TEXTBOOK)
CB_DECLARE_ENTITY_TYPE (CbObjective, cb_objective, OBJECTIVE)
CB_DECLARE_ENTITY_TYPE (CbSupport, cb_support, SUPPORT)
CB_DECLARE_ENTITY_TYPE (CbModule, cb_module, MODULE)
CB_DECLARE_ENTITY_TYPE (CbModuleSkill, cb_module_skill, MODULE_SKILL)
CB_DECLARE_ENTITY_TYPE (CbPracticalProject, cb_practical_project, PRACTICAL_PROJECT)
CB_DECLARE_ENTITY_TYPE (CbResource, cb_resource, RESOURCE)
CB_DECLARE_ENTITY_TYPE (CbAssessment, cb_assessment, ASSESSMENT)
CB_DECLARE_ENTITY_TYPE (CbTarget, cb_target, TARGET)
CB_DECLARE_ENTITY_TYPE (CbOffering, cb_offering, OFFERING)
CB_DECLARE_ENTITY_TYPE (CbResult, cb_result, RESULT)
CB_DECLARE_ENTITY_TYPE (CbReview, cb_review, REVIEW)
CB_DECLARE_ENTITY_TYPE (CbReply, cb_reply, REPLY)

G_END_DECLS
