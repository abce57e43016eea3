import type { Command } from 'commander';
import type { Services } from '../services.ts';

/** `manasik ledger check`: exits 1 and lists every problem when the books do not hold. */
export function registerLedgerCommands(program: Command, withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>) {
  program
    .command('ledger')
    .description('the money ledger')
    .command('check')
    .description('verify that every transfer balances, no wallet is negative, and each booking\'s paid amount equals its ledger entries')
    .action(() =>
      withServices(async (services) => {
        const problems = await services.books.check();
        if (problems.length === 0) {
          console.log('ledger check: OK — transfers well formed, holds resolved once, no wallet below zero, every booking matches its entries');
          return;
        }
        for (const p of problems) console.log(`  ${p}`);
        console.log(`ledger check: ${problems.length} problem(s)`);
        process.exitCode = 1;
      }),
    );
}
