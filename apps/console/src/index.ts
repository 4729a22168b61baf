import { ConsoleApp } from './app';

new ConsoleApp(document.getElementById('app')!).start();
