/** Demo persons: deterministic, so demo and tests see the same people. */
const FIRST = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jamal', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = ['Garcia', 'Smith', 'Nguyen', 'Okafor', 'Muller', 'Rossi', 'Kim', 'Silva', 'Haddad', 'Novak', 'Brown', 'Tanaka', 'Ivanova', 'Patel', 'Cohen'];

export interface DemoPerson {
  person_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  person_type: string;
}

export function demoPersons(count = 300): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 1960 + ((i * 7) % 45);
    const month = 1 + ((i * 5) % 12);
    const day = 1 + ((i * 11) % 28);
    return {
      person_number: `P${10001 + i}`,
      first_name: FIRST[i % FIRST.length],
      last_name: LAST[(i * 3) % LAST.length],
      date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      // Every fifth person is a dependent (a contact of the participant before them).
      person_type: i % 5 === 4 ? 'Dependent' : 'Participant',
    };
  });
}
