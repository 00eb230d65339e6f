/**
 * One field at fault and why, in Bahasa Indonesia for the user. The same shape as service-kit's
 * FieldProblem (domain/ may not import it), so a refusal goes straight into a 400's details.
 */
export interface FieldProblem {
  field: string;
  message: string;
}
