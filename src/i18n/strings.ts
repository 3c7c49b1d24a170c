import type { Locale } from './locales.ts';

/** Every UI string of the site, in every language. A missing key is a type error. */
export interface UiStrings {
  readonly title: string;
  readonly description: string;
  readonly skipLink: string;
  readonly languageLabel: string;
  readonly languageName: string;
  readonly heading: string;
  /** Two sentences: what Stepdown teaches. */
  readonly intro: string;
  readonly tryHeading: string;
  readonly hint: string;
  readonly typeCommand: string;
  readonly terminalLabel: string;
  readonly terminalLoading: string;
  readonly terminalInput: string;
  readonly screenReaderMode: string;
  readonly keyboardHelp: string;
  readonly simulatedNote: string;
  readonly footer: string;
}

export const STRINGS: Record<Locale, UiStrings> = {
  en: {
    title: 'Stepdown: how containers drop root',
    description:
      'Learn hands-on, in the browser, how container images step down from root with gosu instead of sudo, why PID 1 is special and where docker stop’s signals go.',
    skipLink: 'Skip to content',
    languageLabel: 'Language',
    languageName: 'English',
    heading: 'How containers drop root',
    intro:
      'Stepdown shows, hands-on, how container images step down from root with gosu instead of sudo: gosu execs your program in its own place, while sudo stays behind as its parent. ' +
      'It shows why the first process in a container, PID 1, is special, and where the signals of docker stop really go.',
    tryHeading: 'Try it',
    hint: 'Run both and compare what PID 1 is. A button types its command into the terminal; press Enter to run it.',
    typeCommand: 'Type into the terminal:',
    terminalLabel: 'Terminal: a simulated Linux host with Docker',
    terminalLoading: 'Loading the terminal…',
    terminalInput: 'Terminal input',
    screenReaderMode: 'Screen reader mode',
    keyboardHelp: 'Tab stays inside the terminal. To move focus out, press Esc, then Tab.',
    simulatedNote:
      'Everything runs in your browser: the host and its containers are simulated, nothing is sent anywhere.',
    footer: 'Stepdown: no accounts, no tracking, no third-party requests.',
  },
  'zh-cn': {
    title: 'Stepdown：容器如何放弃 root 权限',
    description:
      '在浏览器里动手学习：容器镜像为什么用 gosu 而不是 sudo 放弃 root 权限，PID 1 为什么特殊，docker stop 发出的信号去了哪里。',
    skipLink: '跳到正文',
    languageLabel: '语言',
    languageName: '简体中文',
    heading: '容器如何放弃 root 权限',
    intro:
      'Stepdown 带你动手了解容器镜像如何用 gosu 而不是 sudo 放弃 root 权限：gosu 用 exec 让你的程序取代它自己，sudo 却留下来做程序的父进程。' +
      '你还会看到，为什么容器里的第一个进程 PID 1 与众不同，以及 docker stop 发出的信号究竟去了哪里。',
    tryHeading: '动手试试',
    hint: '把两条命令都运行一遍，比较 PID 1 分别是谁。点击按钮会把命令输入到终端里，按回车即可运行。',
    typeCommand: '输入到终端：',
    terminalLabel: '终端：一台模拟的、装有 Docker 的 Linux 主机',
    terminalLoading: '正在加载终端…',
    terminalInput: '终端输入',
    screenReaderMode: '屏幕阅读器模式',
    keyboardHelp: '在终端里按 Tab 不会移出焦点。要把焦点移出终端，请先按 Esc，再按 Tab。',
    simulatedNote: '一切都在你的浏览器里运行：主机和容器都是模拟的，不会向任何地方发送数据。',
    footer: 'Stepdown：无需账号，没有跟踪，不向第三方发出任何请求。',
  },
};

/** The commands the home page suggests, in the order shown. */
export const SUGGESTED_COMMANDS = [
  'docker run --rm ubuntu:trusty sudo ps aux',
  'docker run --rm gosu/alpine gosu root ps aux',
] as const;

export function strings(locale: Locale): UiStrings {
  return STRINGS[locale];
}
