/** Lists of values that more than one kind offers, defined once so that their sheets and their rules agree. */

/** seed (Selerix "Use rate genders"): the genders of gender-rated grids, also the gender Employee Salaries keeps on the person. */
export const GENDERS = ['Male', 'Female'];
