"""The rule modules: each declares its rules (``declare``) and the checkers that emit them
(``@checker``).  The runner imports every module of this package, so adding a rule means
adding one module here and its test cases; modules never import each other."""
