/** The administrator every test install starts with, set up through the screens or by `admin init`. */
export interface Account {
  orgName: string;
  username: string;
  password: string;
}

export const ACCOUNT: Account = {
  orgName: 'Bakkerij de Korenschoof',
  username: 'anna.admin',
  password: 'correct horse battery staple',
};
