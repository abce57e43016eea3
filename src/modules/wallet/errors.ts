import { registerErrors, type Terms } from '../../core/errors.ts';

const statementProblems: Terms = {
  not_csv: { en: 'it is not CSV', ar: 'ليس بصيغة CSV' },
  bad_header: { en: 'the first line must be "date,reference,amount,transaction_id"', ar: 'يجب أن يكون السطر الأول "date,reference,amount,transaction_id"' },
  not_an_amount: { en: '"{value}" is not an amount in riyals', ar: '"{value}" ليس مبلغًا بالريال' },
  not_incoming: { en: 'only incoming transfers belong in a statement', ar: 'لا يتضمن الكشف إلا التحويلات الواردة' },
  no_transaction_id: { en: 'a transaction id is required', ar: 'رقم العملية مطلوب' },
};

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const walletErrors = registerErrors({
  'wallet.bad_statement': { status: 400, en: 'The statement cannot be read (line {line}): {problem}. Nothing was credited.', ar: 'تعذرت قراءة كشف الحساب (السطر {line}): {problem}. لم يُضف أي مبلغ.', terms: { problem: statementProblems } },
  'wallet.insufficient_funds': { status: 409, en: 'Your wallet is {missing} short for this payment: it holds {available} of {needed}. Top it up by at least {missing}.', ar: 'ينقص محفظتك {missing} لهذا الدفع: فيها {available} من {needed}. اشحنها بمبلغ {missing} على الأقل.', money: ['missing', 'available', 'needed'] },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof walletErrors, true> {}
}
