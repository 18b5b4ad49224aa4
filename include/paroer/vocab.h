/**
 * @file vocab.h
 * @brief The contract's closed code lists: enums, codes, labels.
 *
 * @defgroup paroer_vocab Vocabulary
 * @brief Every code list of the contract (section 1) with its stable numeric
 *        value, lowercase ASCII code and Danish and English labels.
 *
 * Numeric values are assigned once and never reused; new codes are appended.
 * Use paroer_vocab_count() rather than a compile-time count, so code built
 * against an older header keeps working with a newer library.
 * All functions here are pure and thread-safe.
 * @{
 */
#ifndef PAROER_VOCAB_H
#define PAROER_VOCAB_H

#include <paroer/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The code lists themselves. */
typedef enum paroer_vocab {
    PAROER_VOCAB_CONDITION     = 0,  /**< The cared-for person's situation. */
    PAROER_VOCAB_RELATION      = 1,  /**< What the relative is to the cared-for person. */
    PAROER_VOCAB_AGE_BAND      = 2,  /**< Age band derived from an age. */
    PAROER_VOCAB_FLAG          = 3,  /**< Facts about a care relation. */
    PAROER_VOCAB_BEREAVEMENT   = 4,  /**< An offer target's bereaved rule. */
    PAROER_VOCAB_NEED          = 5,  /**< What the relative needs. */
    PAROER_VOCAB_OFFER_KIND    = 6,  /**< The kind of an offer. */
    PAROER_VOCAB_MODE          = 7,  /**< How an offer is delivered. */
    PAROER_VOCAB_SLOT          = 8,  /**< When an offer takes place. */
    PAROER_VOCAB_ACCESS        = 9,  /**< How one gets access. */
    PAROER_VOCAB_PROVIDER_KIND = 10, /**< Who provides it. */
    PAROER_VOCAB_AREA          = 11, /**< Municipal administrative area. */
    PAROER_VOCAB_STATUS        = 12, /**< Status of an offer. */
    PAROER_VOCAB_GOAL_CATEGORY = 13  /**< Category of a policy goal. */
} paroer_vocab;

/** @brief condition codes. */
typedef enum paroer_condition {
    PAROER_CONDITION_FRAILTY = 0, PAROER_CONDITION_DEMENTIA = 1, PAROER_CONDITION_PHYSICAL_ILLNESS = 2,
    PAROER_CONDITION_PHYSICAL_DISABILITY = 3, PAROER_CONDITION_CANCER = 4, PAROER_CONDITION_BRAIN_INJURY = 5,
    PAROER_CONDITION_MENTAL_ILLNESS = 6, PAROER_CONDITION_SUBSTANCE_ABUSE = 7,
    PAROER_CONDITION_COGNITIVE_DISABILITY = 8, PAROER_CONDITION_NEURODEVELOPMENTAL = 9,
    PAROER_CONDITION_SOCIAL_PROBLEMS = 10
} paroer_condition;

/** @brief relation codes. */
typedef enum paroer_relation {
    PAROER_RELATION_SPOUSE_PARTNER = 0, PAROER_RELATION_SON_DAUGHTER = 1, PAROER_RELATION_PARENT = 2,
    PAROER_RELATION_SIBLING = 3, PAROER_RELATION_OTHER_FAMILY = 4, PAROER_RELATION_FRIEND_NEIGHBOUR = 5
} paroer_relation;

/** @brief age_band codes (child 0–12, youth 13–17, young_adult 18–29, adult 30–64, senior 65+). */
typedef enum paroer_age_band {
    PAROER_AGE_BAND_CHILD = 0, PAROER_AGE_BAND_YOUTH = 1, PAROER_AGE_BAND_YOUNG_ADULT = 2,
    PAROER_AGE_BAND_ADULT = 3, PAROER_AGE_BAND_SENIOR = 4
} paroer_age_band;

/** @brief flag codes. */
typedef enum paroer_flag {
    PAROER_FLAG_COHABITING = 0,    /**< `cohabiting`: the relative lives with the cared-for person. */
    PAROER_FLAG_CARED_AT_HOME = 1, /**< `cared_at_home`: the cared-for person lives at home, not in a care home. */
    PAROER_FLAG_TERMINAL = 2,      /**< `terminal`: the cared-for person is dying or has a life-limiting prognosis. */
    PAROER_FLAG_BEREAVED = 3,      /**< `bereaved`: the cared-for person has died. */
    PAROER_FLAG_EMPLOYED = 4       /**< `employed`: the relative is in work (a fact about the relative). */
} paroer_flag;

/** @brief bereavement codes (an offer target's `bereaved`). */
typedef enum paroer_bereavement {
    PAROER_BEREAVEMENT_NO = 0, PAROER_BEREAVEMENT_ALSO = 1, PAROER_BEREAVEMENT_ONLY = 2
} paroer_bereavement;

/** @brief need codes. */
typedef enum paroer_need {
    PAROER_NEED_RESPITE = 0, PAROER_NEED_PRACTICAL_HELP = 1, PAROER_NEED_INFORMATION = 2,
    PAROER_NEED_EDUCATION = 3, PAROER_NEED_PEER_SUPPORT = 4, PAROER_NEED_COUNSELLING = 5,
    PAROER_NEED_OWN_HEALTH = 6, PAROER_NEED_FINANCIAL = 7, PAROER_NEED_WORK_LIFE = 8,
    PAROER_NEED_NETWORK = 9, PAROER_NEED_INVOLVEMENT = 10
} paroer_need;

/** @brief offer_kind codes. */
typedef enum paroer_kind {
    PAROER_KIND_RESPITE_HOME = 0, PAROER_KIND_RESPITE_AWAY = 1, PAROER_KIND_ACTIVITY_BREAK = 2,
    PAROER_KIND_COUNSELLING = 3, PAROER_KIND_HEALTH_PROMOTION = 4, PAROER_KIND_PEER_GROUP = 5,
    PAROER_KIND_CAFE_NETWORK = 6, PAROER_KIND_COURSE = 7, PAROER_KIND_INFORMATION = 8,
    PAROER_KIND_FINANCIAL_SUPPORT = 9, PAROER_KIND_LEAVE = 10, PAROER_KIND_INVOLVEMENT = 11
} paroer_kind;

/** @brief mode codes. */
typedef enum paroer_mode {
    PAROER_MODE_IN_PERSON = 0, PAROER_MODE_ONLINE = 1, PAROER_MODE_PHONE = 2, PAROER_MODE_HOME = 3
} paroer_mode;

/** @brief slot codes. */
typedef enum paroer_slot {
    PAROER_SLOT_WEEKDAY_DAY = 0, PAROER_SLOT_WEEKDAY_EVENING = 1, PAROER_SLOT_WEEKEND = 2
} paroer_slot;

/** @brief access codes. */
typedef enum paroer_access {
    PAROER_ACCESS_OPEN = 0, PAROER_ACCESS_REGISTRATION = 1, PAROER_ACCESS_REFERRAL = 2,
    PAROER_ACCESS_ASSESSMENT = 3
} paroer_access;

/** @brief provider_kind codes. */
typedef enum paroer_provider_kind_code {
    PAROER_PROVIDER_MUNICIPAL = 0, PAROER_PROVIDER_REGIONAL = 1, PAROER_PROVIDER_CIVIL_SOCIETY = 2,
    PAROER_PROVIDER_PRIVATE = 3
} paroer_provider_kind_code;

/** @brief area codes. */
typedef enum paroer_area {
    PAROER_AREA_ELDERLY = 0, PAROER_AREA_HEALTH = 1, PAROER_AREA_SOCIAL = 2,
    PAROER_AREA_CHILDREN_FAMILY = 3, PAROER_AREA_EMPLOYMENT = 4, PAROER_AREA_CROSS_CUTTING = 5
} paroer_area;

/** @brief status codes (of an offer). */
typedef enum paroer_offer_status_code {
    PAROER_STATUS_ACTIVE = 0, PAROER_STATUS_WAITLIST = 1, PAROER_STATUS_PAUSED = 2
} paroer_offer_status_code;

/** @brief goal_category codes. */
typedef enum paroer_goal_category_code {
    PAROER_GOAL_RECOGNITION = 0, PAROER_GOAL_COLLABORATION = 1, PAROER_GOAL_ACCESS_INFORMATION = 2,
    PAROER_GOAL_CROSS_SECTOR = 3, PAROER_GOAL_RESPITE_SUPPORT = 4, PAROER_GOAL_ECONOMY_LEAVE = 5,
    PAROER_GOAL_PREVENTION_HEALTH = 6, PAROER_GOAL_NETWORK = 7, PAROER_GOAL_USER_INVOLVEMENT = 8,
    PAROER_GOAL_CHILDREN_YOUTH = 9
} paroer_goal_category_code;

/** @brief Display language of labels. */
typedef enum paroer_lang {
    PAROER_LANG_DA = 0, /**< Danish. */
    PAROER_LANG_EN = 1  /**< English. */
} paroer_lang;

/**
 * @brief Number of code lists (the highest #paroer_vocab value plus one).
 */
PAROER_API int32_t paroer_vocab_list_count(void);

/**
 * @brief The name of a code list as used by the CLI (`condition`, `offer_kind`, …).
 * @return A static string, or NULL for an unknown list.
 */
PAROER_API const char *paroer_vocab_list_name(int32_t list);

/**
 * @brief Finds a code list by its name.
 * @param[out] out The #paroer_vocab value.
 * @param name The list name (NUL-terminated).
 * @return #PAROER_OK or #PAROER_ENOTFOUND.
 */
PAROER_API int paroer_vocab_list_parse(int32_t *out, const char *name);

/**
 * @brief Number of codes in a list; codes are 0 .. count-1.
 * @return The count, or 0 for an unknown list.
 */
PAROER_API int32_t paroer_vocab_count(int32_t list);

/**
 * @brief The lowercase ASCII code of a value (`dementia`).
 * @return A static string, or NULL when the list or value is unknown.
 */
PAROER_API const char *paroer_vocab_code(int32_t list, int32_t value);

/**
 * @brief The display label of a value in Danish or English.
 * @param list A #paroer_vocab.
 * @param value A value of that list.
 * @param lang A #paroer_lang.
 * @return A static UTF-8 string, or NULL when the list, value or language is unknown.
 */
PAROER_API const char *paroer_vocab_label(int32_t list, int32_t value, int32_t lang);

/**
 * @brief Parses a code of a list.
 * @param[out] out The value.
 * @param list A #paroer_vocab.
 * @param code The code; need not be NUL-terminated.
 * @param len Its length in bytes.
 * @return #PAROER_OK, #PAROER_ENOTFOUND for an unknown code, #PAROER_EINVALID for an unknown list.
 */
PAROER_API int paroer_vocab_parse(int32_t *out, int32_t list, const char *code, size_t len);

/**
 * @brief The needs an offer kind serves by default, as a bit mask (bit n = need n).
 * @return The mask, or 0 for an unknown kind.
 */
PAROER_API uint32_t paroer_kind_default_needs(int32_t kind);

/**
 * @brief The age band of an age in whole years.
 * @return A #paroer_age_band, or -1 for a negative age.
 */
PAROER_API int32_t paroer_age_band_of(int32_t age);

/**
 * @brief The inclusive age range of an age band.
 * @param band A #paroer_age_band.
 * @param[out] min The lowest age.
 * @param[out] max The highest age (INT32_MAX for senior).
 * @return #PAROER_OK or #PAROER_EINVALID.
 */
PAROER_API int paroer_age_band_range(int32_t band, int32_t *min, int32_t *max);

#ifdef __cplusplus
}
#endif
#endif
/** @} */
