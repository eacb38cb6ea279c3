/** The custom menu as WeChat's cgi-bin/menu/create expects it. */
export interface WechatMenuButton {
  name: string;
  type?: 'click' | 'view';
  key?: string;
  url?: string;
  sub_button?: WechatMenuButton[];
}

export interface WechatMenu {
  button: WechatMenuButton[];
}

export interface MenuProblem {
  /** e.g. 'button[1].sub_button[5]' */
  path: string;
  message: string;
}

/** WeChat's documented limits; names are counted in UTF-8 bytes (a Chinese character is 3). */
export const MENU_LIMITS = {
  topLevel: 3,
  subButtons: 5,
  topNameBytes: 16,
  subNameBytes: 60,
  keyBytes: 128,
  urlBytes: 1024,
} as const;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Every rule WeChat would refuse the menu for, with the path of the offending button. */
export function validateMenu(menu: WechatMenu): MenuProblem[] {
  const problems: MenuProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const buttons = menu.button ?? [];
  if (buttons.length === 0) add('button', 'the menu needs at least one button');
  if (buttons.length > MENU_LIMITS.topLevel) {
    add(`button[${MENU_LIMITS.topLevel}]`, `at most ${MENU_LIMITS.topLevel} top-level buttons`);
  }
  buttons.forEach((b, i) => {
    const path = `button[${i}]`;
    checkName(b, path, MENU_LIMITS.topNameBytes, add);
    if (b.sub_button !== undefined) {
      if (b.type !== undefined || b.key !== undefined || b.url !== undefined) {
        add(path, 'a button has either sub_button or a type (with key/url), not both');
      }
      if (b.sub_button.length === 0) add(`${path}.sub_button`, 'sub_button must not be empty');
      if (b.sub_button.length > MENU_LIMITS.subButtons) {
        add(
          `${path}.sub_button[${MENU_LIMITS.subButtons}]`,
          `at most ${MENU_LIMITS.subButtons} sub-buttons`,
        );
      }
      b.sub_button.forEach((s, j) => {
        const subPath = `${path}.sub_button[${j}]`;
        checkName(s, subPath, MENU_LIMITS.subNameBytes, add);
        if (s.sub_button !== undefined) add(subPath, 'sub-buttons cannot have sub_button');
        else checkAction(s, subPath, add);
      });
    } else {
      checkAction(b, path, add);
    }
  });
  return problems;
}

type Add = (path: string, message: string) => void;

function checkName(b: WechatMenuButton, path: string, max: number, add: Add): void {
  if (!b.name) add(`${path}.name`, 'name is required');
  else if (bytes(b.name) > max) {
    add(`${path}.name`, `name is ${bytes(b.name)} bytes; at most ${max} bytes (UTF-8)`);
  }
}

function checkAction(b: WechatMenuButton, path: string, add: Add): void {
  if (b.type === 'click') {
    if (!b.key) add(`${path}.key`, 'a click button needs a key');
    else if (bytes(b.key) > MENU_LIMITS.keyBytes) {
      add(`${path}.key`, `key is at most ${MENU_LIMITS.keyBytes} bytes`);
    }
    if (b.url !== undefined) add(`${path}.url`, 'a click button has no url');
  } else if (b.type === 'view') {
    if (!b.url) add(`${path}.url`, 'a view button needs a url');
    else if (bytes(b.url) > MENU_LIMITS.urlBytes) {
      add(`${path}.url`, `url is at most ${MENU_LIMITS.urlBytes} bytes`);
    } else if (!/^https?:\/\//i.test(b.url)) add(`${path}.url`, 'url must be http(s)');
    if (b.key !== undefined) add(`${path}.key`, 'a view button has no key');
  } else {
    add(path, 'a button has either sub_button or a type (click or view)');
  }
}
